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
    DateOnly? DueOn = null);

/// <summary>
/// Raises a nonconformity, observation or opportunity for improvement from any source: the source record, requirement, control and
/// owner must be the organization's. Raised on defaults to today in the organization's zone, raised by to the acting person.
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
        if (input.RequirementId is { } requirement && !await db.Requirements.AnyAsync(r => r.Id == requirement, cancellationToken))
        {
            validation.Add(nameof(input.RequirementId), "is not a requirement of this organization's frameworks.");
        }
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
            RequirementId = input.RequirementId,
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
        _ => false,
    };
}
