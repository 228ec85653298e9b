namespace Attest.Training;

/// <summary>An awareness or specialised training course (ISO 27001 A.6.3, clause 7.2–7.3; ISO 42001 7.2–7.3).</summary>
public sealed class Course : OrganizationRecord
{
    /// <summary>TRN-01 …; unique in the organization.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown: what the course covers and who it is for.</summary>
    public string Description { get; set; } = "";
    /// <summary>Where the course is taken when it lives elsewhere (an LMS, a video).</summary>
    public string? ContentUrl { get; set; }
    /// <summary>Markdown: the course itself when taken inside Attest.</summary>
    public string Content { get; set; } = "";
    public int DurationMinutes { get; set; }
    /// <summary>Percentage needed to pass the quiz; null when the course has no quiz.</summary>
    public int? PassingScore { get; set; }
    /// <summary>Retired courses are kept with their records but no longer assigned.</summary>
    public bool Retired { get; set; }
}

/// <summary>A multiple-choice question of a course's quiz.</summary>
public sealed class QuizQuestion : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CourseId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    /// <summary>The choices, one per line.</summary>
    public required string Options { get; set; }
    /// <summary>Zero-based index of the right choice.</summary>
    public int CorrectOption { get; set; }
    /// <summary>Shown after answering: why the right choice is right.</summary>
    public string Explanation { get; set; } = "";
}

/// <summary>Who must take a course.</summary>
public enum TrainingAudience
{
    Everyone = 0,
    /// <summary>People of one department (<see cref="TrainingRequirement.AudienceValue"/>).</summary>
    Department = 1,
    /// <summary>Members of one group (its display name in <see cref="TrainingRequirement.AudienceValue"/>).</summary>
    Group = 2,
    /// <summary>People of one type: employees, contractors or third parties.</summary>
    PersonType = 3,
}

/// <summary>
/// A rule that assigns a course: e.g. everyone within 7 days of joining and again every 12 months; the engineering group a
/// specialised course. Assignments are generated from the rules; they are never typed in one by one.
/// </summary>
public sealed class TrainingRequirement : OrganizationRecord
{
    public Guid CourseId { get; set; }
    public required string Name { get; set; }
    public TrainingAudience Audience { get; set; }
    public string AudienceValue { get; set; } = "";
    /// <summary>Days after a joiner's start date (or after the rule starts, for people already there) within which the course is due.</summary>
    public int DueWithinDays { get; set; } = 30;
    /// <summary>Retake every N months after the last completion; null: once.</summary>
    public int? RenewEveryMonths { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The day the rule started applying: people already there are due <see cref="DueWithinDays"/> after it.</summary>
    public DateOnly EffectiveFrom { get; set; }
}

/// <summary>A course a person must complete by a date, generated from a requirement (one per cycle).</summary>
public sealed class TrainingAssignment : IOrganizationOwned, IVersionedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid CourseId { get; set; }
    public Guid? RequirementId { get; set; }
    public DateOnly AssignedOn { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>The completion that satisfied it; null while open.</summary>
    public Guid? CompletionId { get; set; }
    public DateOnly? CompletedOn { get; set; }
    /// <summary>Set when the person left or the rule stopped applying before completion: no longer counted.</summary>
    public DateOnly? CancelledOn { get; set; }
    public int Version { get; set; }
}

public enum CompletionSource
{
    /// <summary>The person passed the quiz or confirmed reading the course in Attest.</summary>
    Attest = 0,
    /// <summary>Recorded by a manager, with evidence.</summary>
    Manual = 1,
    /// <summary>Imported from an external learning system's export.</summary>
    Import = 2,
}

/// <summary>That a person completed a course on a date; kept for ever.</summary>
public sealed class TrainingCompletion : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid CourseId { get; set; }
    public DateOnly CompletedOn { get; set; }
    /// <summary>Percentage score, when the course was quizzed.</summary>
    public int? Score { get; set; }
    public CompletionSource Source { get; set; }
    /// <summary>A certificate or export kept as evidence.</summary>
    public Guid? EvidenceItemId { get; set; }
    /// <summary>The external system's record id, so re-importing the same export adds nothing.</summary>
    public string? ExternalReference { get; set; }
    public string Notes { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>One attempt at a course's quiz, passed or not.</summary>
public sealed class QuizAttempt : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid CourseId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public int Correct { get; set; }
    public int Questions { get; set; }
    public int Score { get; set; }
    public bool Passed { get; set; }
    /// <summary>The chosen option index per question, in question order, comma-separated.</summary>
    public string Answers { get; set; } = "";
}
