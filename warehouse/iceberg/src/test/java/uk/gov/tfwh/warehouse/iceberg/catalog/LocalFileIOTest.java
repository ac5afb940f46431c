package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.schema.IcebergSchemas;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** Iceberg's FileIO contract on the local file system: create, read back, list, delete. */
class LocalFileIOTest {
  @TempDir Path dir;

  private final LocalFileIO io = new LocalFileIO();

  @Test
  void aWrittenFileReadsBackUnderTheFileLocationItWasGiven() throws IOException {
    String location = "file:" + dir.resolve("tables/fact_claim/metadata/00000.metadata.json");

    OutputFile out = io.newOutputFile(location);
    try (PositionOutputStream stream = out.create()) {
      stream.write("hello ".getBytes(StandardCharsets.UTF_8));
      stream.write('w');
      stream.write("orld".getBytes(StandardCharsets.UTF_8));
      assertThat(stream.getPos()).isEqualTo(11);
    }

    assertThat(out.location()).isEqualTo(location);
    InputFile in = io.newInputFile(location);
    assertThat(in.location()).isEqualTo(location);
    assertThat(out.toInputFile().location()).isEqualTo(location);
    assertThat(in.exists()).isTrue();
    assertThat(in.getLength()).isEqualTo(11);
    try (InputStream stream = in.newStream()) {
      assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello world");
    }
  }

  @Test
  void aStreamSeeksAndReportsItsPosition() throws IOException {
    String location = write("file:" + dir.resolve("data.bin"), "0123456789");

    try (SeekableInputStream stream = io.newInputFile(location).newStream()) {
      stream.seek(4);
      assertThat(stream.getPos()).isEqualTo(4);
      assertThat(stream.read()).isEqualTo('4');
      byte[] two = new byte[2];
      assertThat(stream.read(two, 0, 2)).isEqualTo(2);
      assertThat(new String(two, StandardCharsets.US_ASCII)).isEqualTo("56");
      assertThat(stream.skip(100)).isEqualTo(3);
      assertThat(stream.read()).isEqualTo(-1);
      stream.seek(0);
      assertThat(stream.read()).isEqualTo('0');
    }
  }

  @Test
  void locationsKeepTheirSpellingAndBarePathsGainTheFileScheme() throws IOException {
    Path file = dir.resolve("a/b.txt");
    String tripleSlash = "file://" + file;

    assertThat(write(tripleSlash, "x")).isEqualTo(tripleSlash);
    assertThat(io.newInputFile(tripleSlash).location()).isEqualTo(tripleSlash);
    assertThat(io.newInputFile(file.toString()).location()).isEqualTo("file:" + file);
    assertThat(io.newOutputFile(file.toString()).location()).isEqualTo("file:" + file);
    assertThat(io.newInputFile("file://localhost" + file).getLength()).isEqualTo(1);
  }

  @Test
  void createRefusesAFileThatExistsAndCreateOrOverwriteReplacesIt() throws IOException {
    String location = write("file:" + dir.resolve("v1.metadata.json"), "first");

    assertThatThrownBy(() -> io.newOutputFile(location).create())
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining(location);
    try (OutputStream stream = io.newOutputFile(location).createOrOverwrite()) {
      stream.write("2nd".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(dir.resolve("v1.metadata.json"))).isEqualTo("2nd");
  }

  @Test
  void aMissingFileDoesNotExistAndCannotBeRead() {
    InputFile missing = io.newInputFile("file:" + dir.resolve("missing.avro"));

    assertThat(missing.exists()).isFalse();
    assertThatThrownBy(missing::newStream)
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing.avro");
    assertThatThrownBy(missing::getLength).isInstanceOf(NotFoundException.class);
  }

  @Test
  void listingAPrefixNamesEveryFileUnderItWithItsSize() throws IOException {
    String prefix = "file:" + dir.resolve("tables/fact_claim");
    write(prefix + "/data/period_end=2013-03-31/a.parquet", "aaaa");
    write(prefix + "/data/period_end=2013-06-30/b.parquet", "bb");
    write(prefix + "/metadata/v1.metadata.json", "{}");
    write("file:" + dir.resolve("tables/fact_claimx/other.parquet"), "not under the prefix");

    List<FileInfo> files = list(prefix + "/");

    assertThat(files)
        .extracting(FileInfo::location)
        .containsExactly(
            prefix + "/data/period_end=2013-03-31/a.parquet",
            prefix + "/data/period_end=2013-06-30/b.parquet",
            prefix + "/metadata/v1.metadata.json");
    assertThat(files).extracting(FileInfo::size).containsExactly(4L, 2L, 2L);
    assertThat(files.get(0).createdAtMillis()).isPositive();
    assertThat(list(prefix + "/metadata/v1.metadata.json"))
        .extracting(FileInfo::location)
        .containsExactly(prefix + "/metadata/v1.metadata.json");
    assertThat(list("file:" + dir.resolve("nothing-here"))).isEmpty();
  }

  @Test
  void deletingRemovesFilesAndIgnoresMissingOnes() throws IOException {
    String location = write("file:" + dir.resolve("t/data/a.parquet"), "a");
    write("file:" + dir.resolve("t/data/b.parquet"), "b");

    io.deleteFile(location);
    io.deleteFile(location);
    assertThat(io.newInputFile(location).exists()).isFalse();

    io.deletePrefix("file:" + dir.resolve("t"));
    io.deletePrefix("file:" + dir.resolve("t"));
    assertThat(dir.resolve("t")).doesNotExist();
  }

  @Test
  void onlyAbsoluteLocationsOnThisMachineAreAccepted() {
    assertThatThrownBy(() -> io.newInputFile("s3://tfwh/warehouse/x.parquet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file:/absolute/path")
        .hasMessageContaining("s3://tfwh/warehouse/x.parquet");
    assertThatThrownBy(() -> io.newOutputFile("tables/x.parquet"))
        .hasMessageContaining("file:/absolute/path");
    assertThatThrownBy(() -> io.newInputFile("file:relative/x.parquet"))
        .hasMessageContaining("file:/absolute/path");
    assertThatThrownBy(() -> io.newInputFile("file://otherhost/srv/x.parquet"))
        .hasMessageContaining("not a location on this machine");
  }

  @Test
  void icebergLoadsItByClassNameAndRoundTripsTableMetadataThroughIt() {
    FileIO loaded = CatalogUtil.loadFileIO(LocalFileIO.class.getName(), Map.of("k", "v"), null);
    assertThat(loaded).isInstanceOf(LocalFileIO.class);
    assertThat(loaded.properties()).containsEntry("k", "v");

    var contract = IcebergSchemas.contract(WarehouseTable.DIM_PERIOD);
    TableMetadata metadata =
        TableMetadata.newTableMetadata(
            IcebergSchemas.schema(contract),
            PartitionSpec.unpartitioned(),
            SortOrder.unsorted(),
            "file:" + dir.resolve("tables/dim_period"),
            IcebergSchemas.tableProperties(contract));
    String location = "file:" + dir.resolve("tables/dim_period/metadata/00000-a.metadata.json");

    TableMetadataParser.write(metadata, loaded.newOutputFile(location));
    TableMetadata read = TableMetadataParser.read(loaded, location);

    assertThat(read.metadataFileLocation()).isEqualTo(location);
    assertThat(read.location()).isEqualTo("file:" + dir.resolve("tables/dim_period"));
    assertThat(read.schema().asStruct()).isEqualTo(metadata.schema().asStruct());
    assertThat(read.formatVersion()).isEqualTo(2);
  }

  private String write(String location, String text) throws IOException {
    OutputFile out = io.newOutputFile(location);
    try (OutputStream stream = out.create()) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.location();
  }

  private List<FileInfo> list(String prefix) {
    return StreamSupport.stream(io.listPrefix(prefix).spliterator(), false).toList();
  }
}
