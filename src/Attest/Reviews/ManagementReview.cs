namespace Attest.Reviews;

public enum ManagementReviewStatus
{
    /// <summary>Scheduled; its inputs are gathered live as at the review date.</summary>
    Planned = 0,
    /// <summary>Held and signed off; its inputs are frozen in <see cref="ManagementReview.InputsJson"/> and never change.</summary>
    Held = 1,
    Cancelled = 2,
}

/// <summary>
/// A management review (ISO/IEC 27001 and 42001 clause 9.3), MR-nnn: the inputs of 9.3.2 gathered from Attest's records as at
/// <see cref="HeldOn"/>, the attendees, minutes, decisions (9.3.3) and the actions raised, which live in the shared corrective
/// action register with source ManagementReview and are tracked there to closure.
/// </summary>
public sealed class ManagementReview : OrganizationRecord, IOwnedRecord
{
    /// <summary>MR-nnn.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>The review date; inputs are gathered as at the end of this day in the organization's zone.</summary>
    public DateOnly HeldOn { get; set; }
    /// <summary>Who chairs and owns the review (top management).</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>One attendee per line, with role ("Dana Whitfield, CEO").</summary>
    public string Attendees { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Minutes { get; set; } = "";
    /// <summary>Markdown: conclusions on the continuing suitability, adequacy and effectiveness of the management systems.</summary>
    public string Conclusions { get; set; } = "";
    public ManagementReviewStatus Status { get; set; }
    /// <summary>The gathered inputs frozen when the review is marked held (JSON written by the inputs gatherer); null while planned.</summary>
    public string? InputsJson { get; set; }
    public DateTimeOffset? HeldAt { get; set; }
    public string SignedOffBy { get; set; } = "";
}

public enum ReviewDecisionKind
{
    /// <summary>An opportunity for improvement taken up.</summary>
    Improvement = 0,
    /// <summary>A change needed to the management systems (scope, policy, objectives).</summary>
    Change = 1,
    /// <summary>Resources needed.</summary>
    Resources = 2,
    Other = 3,
}

/// <summary>A decision of a management review (9.3.3); its follow-up actions are corrective actions with source ManagementReview.</summary>
public sealed class ReviewDecision : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ReviewId { get; set; }
    public int Position { get; set; }
    public ReviewDecisionKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
