namespace TipLine.Bus.Database;

/// <summary>A module's schema is behind this release: the process must not start until it is migrated.</summary>
public sealed class SchemaNotCurrentException(string schema, IReadOnlyList<string> pending) : Exception(
    $"The database schema '{schema}' is not up to date: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). "
    + "Apply them first with the schema owner's connection string: `TipLine --target migrate` "
    + "(docker compose runs its migrate service; infra/run.sh migrates before it starts).")
{
    public string Schema => schema;
    public IReadOnlyList<string> Pending => pending;
}
