package uk.gov.tfwh.etl.state;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * A serialisable class the load state never holds, whose deserialisation is visible: what the first
 * link of a gadget chain looks like to the state's reader.
 */
final class Tripwire implements Serializable {
  private static final long serialVersionUID = 1L;
  static volatile boolean tripped;

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    tripped = true;
  }
}
