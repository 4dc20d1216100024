namespace TipLine.Directory;

/// <summary>A BTAM team: administrator, mental-health professional, law-enforcement liaison.</summary>
public sealed class Team
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>The language the team reads and writes; tips are translated into it.</summary>
    public string WorkingLanguage { get; set; } = "en";
}
