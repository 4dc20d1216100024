using System.ComponentModel.DataAnnotations;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// The web form as posted. Messages and names are resource keys in ReporterText, so validation
/// speaks the reporter's language.
/// </summary>
internal sealed class ReportForm
{
    public const int MaxTextLength = 5000;
    public const int MaxDetailLength = 2000;

    /// <summary>Random per rendered form: a second post of the same form is the same tip.</summary>
    public Guid SubmissionId { get; set; }

    [Display(Name = "SchoolLabel"), Required(ErrorMessage = "ErrorUnknownSchool")]
    public string? SchoolId { get; set; }

    [Display(Name = "WhatHappenedLabel"), Required(ErrorMessage = "ErrorRequired"), StringLength(MaxTextLength, ErrorMessage = "ErrorTooLong")]
    public string? WhatHappened { get; set; }

    [Display(Name = "WhoLabel"), StringLength(MaxDetailLength, ErrorMessage = "ErrorTooLong")]
    public string? WhoIsInvolved { get; set; }

    [Display(Name = "WhenWhereLabel"), StringLength(MaxDetailLength, ErrorMessage = "ErrorTooLong")]
    public string? WhenAndWhere { get; set; }

    [Display(Name = "DangerLegend"), Required(ErrorMessage = "ErrorChooseDanger"), RegularExpression("^(yes|no)$", ErrorMessage = "ErrorChooseDanger")]
    public string? DangerNow { get; set; }

    [Display(Name = "ContactLabel"), StringLength(200, ErrorMessage = "ErrorTooLong")]
    public string? Contact { get; set; }
}
