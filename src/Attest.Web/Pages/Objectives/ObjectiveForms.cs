using Attest.Data;
using Attest.Objectives;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Objectives;

/// <summary>The objective form of the new and edit pages.</summary>
public sealed class ObjectiveForm
{
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public ObjectiveKind Kind { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? OwnerId { get; set; }
    public List<Guid> CoOwnerIds { get; set; } = [];
    public DateOnly? StartOn { get; set; }
    public DateOnly? TargetOn { get; set; }
    public ReviewCadence ReviewCadence { get; set; } = ReviewCadence.Quarterly;
    public List<string> Frameworks { get; set; } = [];
    public ObjectiveStatus Status { get; set; }
    public int Version { get; set; }

    public ObjectiveInput ToInput() =>
        new(Title ?? "", Kind, OwnerId, Goal, ParentId, CoOwnerIds, StartOn, TargetOn, ReviewCadence, Frameworks, Status, Version);
}

/// <summary>The measure form of the new and edit pages.</summary>
public sealed class MeasureForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public MeasureSource Source { get; set; }
    public string? LibraryKey { get; set; }
    public string? DataSourceNote { get; set; }
    public TargetComparison Comparison { get; set; }
    public decimal? Target { get; set; }
    public MeasureDirection Direction { get; set; }
    public decimal? AmberThreshold { get; set; }
    public MeasureUnit Unit { get; set; }
    public MeasureFrequency Frequency { get; set; }
    public Guid? OwnerId { get; set; }
    public int? Position { get; set; }
    public bool Retired { get; set; }
    public int Version { get; set; }

    public MeasureInput ToInput(Guid objectiveId) =>
        new(objectiveId, Title ?? "", Source, Comparison, Target ?? 0, Direction, Unit, LibraryKey, DataSourceNote, AmberThreshold, Frequency, OwnerId, Position, Retired,
            Description, Version);
}

/// <summary>What the objective pages share: choices for the forms, words for statuses, and the tag that colours a status.</summary>
public static class ObjectiveForms
{
    public sealed record Choice(string Value, string Name);

    /// <summary>Members who may own an objective or a measure (everyone but Auditors, who only read).</summary>
    public static Task<List<Choice>> PeopleAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Where(m => m.Role != OrganizationRole.Auditor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id.ToString(), u.DisplayName)).ToListAsync(cancellationToken);

    public static Task<List<Choice>> FrameworksAsync(AttestDbContext db, CancellationToken cancellationToken) =>
        db.Frameworks.AsNoTracking().OrderBy(f => f.Name).Select(f => new Choice(f.Key, f.Name)).ToListAsync(cancellationToken);

    public static Task<List<Choice>> StrategicAsync(AttestDbContext db, Guid? except, CancellationToken cancellationToken) =>
        db.Objectives.AsNoTracking().Where(o => o.Kind == ObjectiveKind.Strategic && o.Id != except).OrderBy(o => o.Reference)
            .Select(o => new Choice(o.Id.ToString(), o.Reference + " " + o.Title)).ToListAsync(cancellationToken);

    /// <summary>"Red — missed": the colour in words, so that status never rests on colour alone.</summary>
    public static string Word(MeasureStatus status) => MeasureTrendSvg.Word(status);

    public static string TagClass(MeasureStatus status) => status switch
    {
        MeasureStatus.Red => "tag overdue",
        MeasureStatus.Amber => "tag warn",
        _ => "tag",
    };

    public static string Of(ObjectiveStatus status) => status.ToString();

    public static string Of(ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.SemiAnnually => "Every six months",
        _ => cadence.ToString(),
    };

    public static string Of(MeasurementKind kind) => kind switch
    {
        MeasurementKind.Scheduled => "Monthly schedule",
        MeasurementKind.OnDemand => "On demand",
        _ => "Entered by hand",
    };

    public static string Of(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => "≥ at least",
        TargetComparison.AtMost => "≤ at most",
        TargetComparison.GreaterThan => "> more than",
        TargetComparison.LessThan => "< less than",
        _ => "= exactly",
    };

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? "—";
}
