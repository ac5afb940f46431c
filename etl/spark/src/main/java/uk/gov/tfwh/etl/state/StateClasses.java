package uk.gov.tfwh.etl.state;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The classes a load state file may hold, worked out from the state's own types: the classes of
 * every field reachable from its roots, and the few JDK classes their serial forms use. A state
 * file is read from a snapshot folder, which anyone who can write the warehouse can replace, so
 * deserialising it must never instantiate anything else (a gadget chain needs a class the state
 * does not hold). Deriving the list from the types keeps it exact when a field is added: a class
 * that is not listed makes the state unreadable, which costs a full re-read, never a wrong figure.
 */
final class StateClasses {
  /**
   * What the serial forms of the state's JDK-typed fields write: {@code List.copyOf} and {@code
   * List.of} write {@code java.util.CollSer} with an {@code Object[]}, which reads back as one of
   * the immutable lists (the filter is asked about what {@code readResolve} returns too); {@code
   * java.time} values write {@code java.time.Ser}.
   */
  private static final Set<String> JDK_SERIAL_FORMS =
      Set.of(
          "java.lang.String",
          "java.lang.Enum",
          "java.lang.Number",
          "java.lang.Boolean",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Character",
          "java.lang.Object[]",
          "java.util.ArrayList",
          "java.util.CollSer",
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$ListN",
          "java.time.Ser");

  /** Deep enough for the state's records inside lists; a forged file cannot nest without end. */
  private static final long MAX_DEPTH = 32;

  private StateClasses() {}

  /** A filter that admits exactly the classes reachable from {@code roots}, and the JDK's above. */
  static ObjectInputFilter filter(Class<?>... roots) {
    Set<Class<?>> allowed = reachableFrom(roots);
    return info -> {
      if (info.depth() > MAX_DEPTH) {
        return ObjectInputFilter.Status.REJECTED;
      }
      Class<?> type = info.serialClass();
      if (type == null) {
        return ObjectInputFilter.Status.UNDECIDED;
      }
      return allowed.contains(type) || JDK_SERIAL_FORMS.contains(type.getTypeName())
          ? ObjectInputFilter.Status.ALLOWED
          : ObjectInputFilter.Status.REJECTED;
    };
  }

  /** The project's serialisable classes (and their arrays and enums) the roots' fields reach. */
  static Set<Class<?>> reachableFrom(Class<?>... roots) {
    Set<Class<?>> seen = new HashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    for (Class<?> root : roots) {
      todo.add(root);
    }
    while (!todo.isEmpty()) {
      Type type = todo.pop();
      if (type instanceof ParameterizedType parameterized) {
        todo.add(parameterized.getRawType());
        for (Type argument : parameterized.getActualTypeArguments()) {
          todo.add(argument);
        }
      } else if (type instanceof GenericArrayType array) {
        todo.add(array.getGenericComponentType());
      } else if (type instanceof WildcardType wildcard) {
        for (Type bound : wildcard.getUpperBounds()) {
          todo.add(bound);
        }
      } else if (type instanceof Class<?> c && !c.isPrimitive() && seen.add(c)) {
        if (c.isArray()) {
          todo.add(c.getComponentType());
        } else if (c.isEnum() || Serializable.class.isAssignableFrom(c)) {
          addFields(c, todo);
        }
      }
    }
    seen.removeIf(c -> !c.isArray() && !c.isEnum() && !Serializable.class.isAssignableFrom(c));
    return Set.copyOf(seen);
  }

  private static void addFields(Class<?> type, Deque<Type> todo) {
    for (Class<?> c = type;
        c != null && c != Object.class && c != Enum.class;
        c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
          todo.add(field.getGenericType());
        }
      }
    }
  }
}
