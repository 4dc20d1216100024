namespace TipLine.Contracts;

/// <summary>
/// The system's suggestion from what a tip says, used only to route and escalate faster.
/// The team sets the level of concern; this never scores a student.
/// </summary>
public enum SuggestedUrgency
{
    Routine = 0,
    High = 1,
    Imminent = 2,
}
