/**
 * Data files as the command line sees them: formats and column flags, reading logs and attribute tables,
 * writing attribute tables, the dataset summary of {@code describe} and the {@code split.json} record.
 *
 * <pre>{@code
 * LoadedData d = DataReader.read(path, DataFormat.CSV, SchemaSettings.none(), false, "--data");
 * System.out.print(DatasetSummary.of(d.log()).toText());
 * }</pre>
 */
package ai.behavior.cli.data;
