using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Improvement;

public sealed record NonconformityInput(
    string Title,
    FindingGrade Grade,
    string? Description = null,
    NonconformitySource Source = NonconformitySource.Manual,
    Guid? SourceId = null,
    string? ExternalReference = null,
    Guid? RequirementId = null,
    Guid? ControlId = null,
    DateOnly? RaisedOn = null,
    string? RaisedBy = null,
    Guid? OwnerId = null,
    DateOnly? DueOn = null,
    string? FrameworkKey = null,
    string? RequirementCode = null);

/// <summary>
/// Raises a nonconformity, observation or opportunity for improvement from any source: the source record, requirement (by id, or by framework
/// key and code), control and owner must be the organization's. Raised on defaults to today in the organization's zone, raised by to the acting person.
/// </summary>
public sealed class RaiseNonconformity(AttestDbContext db)
{
    public async Task<Guid> RunAsync(NonconformityInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Description), input.Description, 20000)
            .MaxLength(nameof(input.ExternalReference), input.ExternalReference, 100)
            .MaxLength(nameof(input.RaisedBy), input.RaisedBy, 400)
            .Defined(nameof(input.Grade), input.Grade)
            .Defined(nameof(input.Source), input.Source);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.Source == NonconformitySource.Manual && input.SourceId is not null)
        {
            validation.Add(nameof(input.SourceId), "must be empty for a nonconformity raised by hand.");
        }
        else if (input.Source != NonconformitySource.Manual && (input.SourceId is not { } sourceId || !await NonconformitySources.ExistsAsync(db, input.Source, sourceId, cancellationToken)))
        {
            validation.Add(nameof(input.SourceId), $"is not {NonconformitySources.Noun(input.Source)} of this organization.");
        }
        var requirement = await NonconformityRequirements.ResolveAsync(db, validation, input.RequirementId, input.FrameworkKey, input.RequirementCode, cancellationToken);
        if (input.ControlId is { } control && !await db.Controls.AnyAsync(c => c.Id == control, cancellationToken))
        {
            validation.Add(nameof(input.ControlId), "is not a control of this organization.");
        }
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (input.RaisedOn is { } raised && raised > today) validation.Add(nameof(input.RaisedOn), "cannot be in the future.");
        if (input.DueOn is { } due && due < (input.RaisedOn ?? today)) validation.Add(nameof(input.DueOn), "cannot be before the day it was raised.");
        validation.ThrowIfInvalid();

        var raisedBy = input.RaisedBy?.Trim();
        if (string.IsNullOrEmpty(raisedBy) && db.Acting.UserId is { } userId)
        {
            raisedBy = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }
        var nonconformity = new Nonconformity
        {
            Reference = await References.NextAsync(db.Nonconformities.Select(n => n.Reference), "NC-", 3, cancellationToken),
            Title = input.Title.Trim(),
            Description = input.Description?.Trim() ?? "",
            Grade = input.Grade,
            Source = input.Source,
            SourceId = input.SourceId,
            ExternalReference = input.ExternalReference?.Trim() ?? "",
            RequirementId = requirement,
            ControlId = input.ControlId,
            RaisedOn = input.RaisedOn ?? today,
            RaisedBy = raisedBy ?? "",
            OwnerId = input.OwnerId,
            DueOn = input.DueOn,
            Status = NonconformityStatus.Open,
        };
        db.Nonconformities.Add(nonconformity);
        await db.SaveAsync("nonconformity", cancellationToken);
        return nonconformity.Id;
    }
}

/// <summary>The records nonconformities are raised from. A register that raises them adds its case here.</summary>
public static class NonconformitySources
{
    public static string Noun(NonconformitySource source) => source switch
    {
        NonconformitySource.ExternalAudit => "an external audit",
        NonconformitySource.InternalAudit => "an internal audit",
        NonconformitySource.Incident => "an incident",
        NonconformitySource.ManagementReview => "a management review",
        NonconformitySource.RegulatoryEvent => "a regulatory event",
        _ => "a record",
    };

    public static async Task<bool> ExistsAsync(AttestDbContext db, NonconformitySource source, Guid id, CancellationToken cancellationToken) => source switch
    {
        NonconformitySource.ExternalAudit => await db.ExternalAudits.AnyAsync(a => a.Id == id, cancellationToken),
        NonconformitySource.Incident => await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken),
        NonconformitySource.RegulatoryEvent => await db.RegulatoryEvents.AnyAsync(e => e.Id == id, cancellationToken),
        NonconformitySource.InternalAudit => await db.InternalAudits.AnyAsync(a => a.Id == id, cancellationToken),
        NonconformitySource.ManagementReview => await db.ManagementReviews.AnyAsync(r => r.Id == id, cancellationToken),
        _ => false,
    };

    /// <summary>
    /// Each nonconformity with its source record's reference and title (an audit's certification body), in the same SQL as the query it
    /// composes with: one scalar subquery per source kind.
    /// </summary>
    public static IQueryable<SourcedNonconformity> WithSource(AttestDbContext db, IQueryable<Nonconformity> nonconformities) =>
        nonconformities.Select(n => new SourcedNonconformity
        {
            Record = n,
            SourceReference = n.Source == NonconformitySource.ExternalAudit ? db.ExternalAudits.Where(a => a.Id == n.SourceId).Select(a => a.Reference).FirstOrDefault()
                : n.Source == NonconformitySource.Incident ? db.Incidents.Where(i => i.Id == n.SourceId).Select(i => i.Reference).FirstOrDefault()
                : n.Source == NonconformitySource.RegulatoryEvent ? db.RegulatoryEvents.Where(e => e.Id == n.SourceId).Select(e => e.Reference).FirstOrDefault()
                : n.Source == NonconformitySource.InternalAudit ? db.InternalAudits.Where(a => a.Id == n.SourceId).Select(a => a.Reference).FirstOrDefault()
                : n.Source == NonconformitySource.ManagementReview ? db.ManagementReviews.Where(r => r.Id == n.SourceId).Select(r => r.Reference).FirstOrDefault()
                : null,
            SourceTitle = n.Source == NonconformitySource.ExternalAudit ? db.ExternalAudits.Where(a => a.Id == n.SourceId).Select(a => a.CertificationBody).FirstOrDefault()
                : n.Source == NonconformitySource.Incident ? db.Incidents.Where(i => i.Id == n.SourceId).Select(i => i.Title).FirstOrDefault()
                : n.Source == NonconformitySource.RegulatoryEvent ? db.RegulatoryEvents.Where(e => e.Id == n.SourceId).Select(e => e.Title).FirstOrDefault()
                : n.Source == NonconformitySource.InternalAudit ? db.InternalAudits.Where(a => a.Id == n.SourceId).Select(a => a.Title).FirstOrDefault()
                : n.Source == NonconformitySource.ManagementReview ? db.ManagementReviews.Where(r => r.Id == n.SourceId).Select(r => r.Title).FirstOrDefault()
                : null,
        });

    /// <summary>The source record's reference and title (an audit's certification body), e.g. "INC-0004 Leaked cloud access key…"; null when there is none.</summary>
    public static async Task<string?> LabelAsync(AttestDbContext db, NonconformitySource source, Guid id, CancellationToken cancellationToken) => source switch
    {
        NonconformitySource.ExternalAudit => await db.ExternalAudits.Where(a => a.Id == id).Select(a => a.Reference + " " + a.CertificationBody).FirstOrDefaultAsync(cancellationToken),
        NonconformitySource.Incident => await db.Incidents.Where(i => i.Id == id).Select(i => i.Reference + " " + i.Title).FirstOrDefaultAsync(cancellationToken),
        NonconformitySource.RegulatoryEvent => await db.RegulatoryEvents.Where(e => e.Id == id).Select(e => e.Reference + " " + e.Title).FirstOrDefaultAsync(cancellationToken),
        NonconformitySource.InternalAudit => await db.InternalAudits.Where(a => a.Id == id).Select(a => a.Reference + " " + a.Title).FirstOrDefaultAsync(cancellationToken),
        NonconformitySource.ManagementReview => await db.ManagementReviews.Where(r => r.Id == id).Select(r => r.Reference + " " + r.Title).FirstOrDefaultAsync(cancellationToken),
        _ => null,
    };

    /// <summary>Where the source record lives in the app; null when raised by hand or when the source has no page yet.</summary>
    public static string? Path(NonconformitySource source, Guid? id) => (source, id) switch
    {
        (NonconformitySource.ExternalAudit, { } audit) => $"/certification/audits/{audit}",
        (NonconformitySource.Incident, { } incident) => $"/incidents/{incident}",
        (NonconformitySource.RegulatoryEvent, { } regulatoryEvent) => $"/obligations/events/{regulatoryEvent}",
        (NonconformitySource.InternalAudit, { } internalAudit) => $"/internal-audits/{internalAudit}",
        (NonconformitySource.ManagementReview, { } review) => $"/management-reviews/{review}",
        _ => null,
    };
}

/// <summary>A nonconformity with its source record's reference and title, as <see cref="NonconformitySources.WithSource"/> reads them.</summary>
public sealed class SourcedNonconformity
{
    public required Nonconformity Record { get; init; }
    public string? SourceReference { get; init; }
    public string? SourceTitle { get; init; }
}
