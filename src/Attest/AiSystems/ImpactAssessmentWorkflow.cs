using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.AiSystems;

public sealed record ImpactAssessmentInput(
    string Title,
    IReadOnlyList<Guid> AiSystemIds,
    string? ScopeAndIntendedUse = null,
    string? SystemDescription = null,
    string? Conclusion = null,
    Guid? OwnerId = null,
    Guid? ReviewerId = null,
    Guid? ApproverId = null,
    DateOnly? NextReviewOn = null,
    int Version = 0);

public sealed record AffectedPartyInput(string Name, AffectedKind Kind, string? Description = null);

public sealed record ImpactEntryInput(
    Guid AffectedPartyId,
    ImpactDimension Dimension,
    ImpactNature Nature,
    string Description,
    int Severity,
    int Likelihood,
    string? Mitigation = null,
    int? ResidualSeverity = null,
    int? ResidualLikelihood = null,
    IReadOnlyList<Guid>? ControlIds = null);

public sealed record StakeholderInputInput(string Who, DateOnly On, string Said);

internal static class Assessments
{
    public static async Task<ImpactAssessment> LoadAsync(AttestDbContext db, Guid id, int? version, CancellationToken cancellationToken)
    {
        var assessment = await db.ImpactAssessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Impact assessment", id);
        if (version is { } expected) db.Entry(assessment).Property(a => a.Version).OriginalValue = expected;
        return assessment;
    }

    /// <summary>Any change to the content reopens the working copy: a version under review or approved goes back to draft (approved versions stay frozen).</summary>
    public static void Reopen(AttestDbContext db, ImpactAssessment assessment)
    {
        if (assessment.Status != AssessmentStatus.Draft)
        {
            assessment.Status = AssessmentStatus.Draft;
            assessment.ReviewedAt = null;
            assessment.SubmittedAt = null;
        }
        if (db.Entry(assessment).State == EntityState.Unchanged) db.Entry(assessment).Property(a => a.UpdatedAt).IsModified = true;
    }

    public static void Rating(Validation validation, string field, int value)
    {
        if (value is < 1 or > 5) validation.Add(field, "must be from 1 to 5.");
    }
}

/// <summary>Creates an impact assessment for one AI system or a group of similar ones, or edits its header.</summary>
public sealed class SaveImpactAssessment(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, ImpactAssessmentInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.ScopeAndIntendedUse), input.ScopeAndIntendedUse, 20_000)
            .MaxLength(nameof(input.SystemDescription), input.SystemDescription, 20_000)
            .MaxLength(nameof(input.Conclusion), input.Conclusion, 20_000);
        var systems = input.AiSystemIds.Distinct().ToList();
        if (systems.Count == 0) validation.Add(nameof(input.AiSystemIds), "name at least one AI system the assessment covers.");
        else if (await db.AiSystems.CountAsync(s => systems.Contains(s.Id), cancellationToken) != systems.Count)
        {
            validation.Add(nameof(input.AiSystemIds), "names AI systems that do not exist in this organization.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        await PersonRule(input.ReviewerId, nameof(input.ReviewerId), validation, cancellationToken);
        await PersonRule(input.ApproverId, nameof(input.ApproverId), validation, cancellationToken);
        validation.ThrowIfInvalid();

        ImpactAssessment assessment;
        if (id is null)
        {
            assessment = new ImpactAssessment { Reference = await NextReferenceAsync(cancellationToken), Title = input.Title.Trim() };
            db.ImpactAssessments.Add(assessment);
        }
        else
        {
            assessment = await Assessments.LoadAsync(db, id.Value, input.Version, cancellationToken);
            Assessments.Reopen(db, assessment);
        }
        assessment.Title = input.Title.Trim();
        assessment.ScopeAndIntendedUse = input.ScopeAndIntendedUse?.Trim() ?? "";
        assessment.SystemDescription = input.SystemDescription?.Trim() ?? "";
        assessment.Conclusion = input.Conclusion?.Trim() ?? "";
        assessment.OwnerId = input.OwnerId;
        assessment.ReviewerId = input.ReviewerId;
        assessment.ApproverId = input.ApproverId;
        assessment.NextReviewOn = input.NextReviewOn;
        var current = await db.ImpactAssessmentSystems.Where(l => l.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        db.ImpactAssessmentSystems.RemoveRange(current.Where(l => !systems.Contains(l.AiSystemId)));
        foreach (var systemId in systems.Except(current.Select(l => l.AiSystemId)))
        {
            db.ImpactAssessmentSystems.Add(new ImpactAssessmentSystem { AssessmentId = assessment.Id, AiSystemId = systemId });
        }
        await db.SaveAsync("impact assessment", cancellationToken);
        return assessment.Id;
    }

    private async Task PersonRule(Guid? userId, string field, Validation validation, CancellationToken cancellationToken)
    {
        if (userId is not { } id) return;
        var role = await db.Memberships.Where(m => m.UserId == id).Select(m => (Organizations.OrganizationRole?)m.Role).FirstOrDefaultAsync(cancellationToken);
        if (role is null) validation.Add(field, "is not a member of this organization.");
        else if (role == Organizations.OrganizationRole.Auditor) validation.Add(field, "auditors read; they do not review or approve.");
    }

    private Task<string> NextReferenceAsync(CancellationToken cancellationToken) =>
        References.NextAsync(db.ImpactAssessments.Select(a => a.Reference), "AIA-", 3, cancellationToken);
}

/// <summary>Adds, changes and removes the rows of an assessment: affected parties, impacts (with their controls) and stakeholder input.</summary>
public sealed class EditImpactAssessmentContent(AttestDbContext db)
{
    public async Task<Guid> AddAffectedPartyAsync(Guid assessmentId, AffectedPartyInput input, CancellationToken cancellationToken = default)
    {
        new Validation().Required(nameof(input.Name), input.Name, 200).MaxLength(nameof(input.Description), input.Description, 4000).Defined(nameof(input.Kind), input.Kind).ThrowIfInvalid();
        var assessment = await Assessments.LoadAsync(db, assessmentId, null, cancellationToken);
        Assessments.Reopen(db, assessment);
        var party = new AffectedParty { AssessmentId = assessmentId, Name = input.Name.Trim(), Kind = input.Kind, Description = input.Description?.Trim() ?? "" };
        db.AffectedParties.Add(party);
        await db.SaveAsync("impact assessment", cancellationToken);
        return party.Id;
    }

    public async Task RemoveAffectedPartyAsync(Guid assessmentId, Guid partyId, CancellationToken cancellationToken = default)
    {
        var party = await db.AffectedParties.FirstOrDefaultAsync(p => p.Id == partyId && p.AssessmentId == assessmentId, cancellationToken) ?? throw new RecordNotFoundException("Affected party", partyId);
        var assessment = await Assessments.LoadAsync(db, assessmentId, null, cancellationToken);
        Assessments.Reopen(db, assessment);
        var entries = await db.ImpactEntries.Where(e => e.AffectedPartyId == partyId).ToListAsync(cancellationToken);
        var entryIds = entries.Select(e => e.Id).ToList();
        db.ImpactEntryControls.RemoveRange(await db.ImpactEntryControls.Where(c => entryIds.Contains(c.ImpactEntryId)).ToListAsync(cancellationToken));
        db.ImpactEntries.RemoveRange(entries);
        db.AffectedParties.Remove(party);
        await db.SaveAsync("impact assessment", cancellationToken);
    }

    public async Task<Guid> SaveImpactAsync(Guid assessmentId, Guid? entryId, ImpactEntryInput input, CancellationToken cancellationToken = default)
    {
        var residualSeverity = input.ResidualSeverity ?? input.Severity;
        var residualLikelihood = input.ResidualLikelihood ?? input.Likelihood;
        var validation = new Validation().Required(nameof(input.Description), input.Description, 4000).MaxLength(nameof(input.Mitigation), input.Mitigation, 4000)
            .Defined(nameof(input.Dimension), input.Dimension).Defined(nameof(input.Nature), input.Nature);
        Assessments.Rating(validation, nameof(input.Severity), input.Severity);
        Assessments.Rating(validation, nameof(input.Likelihood), input.Likelihood);
        Assessments.Rating(validation, nameof(input.ResidualSeverity), residualSeverity);
        Assessments.Rating(validation, nameof(input.ResidualLikelihood), residualLikelihood);
        if (!await db.AffectedParties.AnyAsync(p => p.Id == input.AffectedPartyId && p.AssessmentId == assessmentId, cancellationToken))
        {
            validation.Add(nameof(input.AffectedPartyId), "is not one of this assessment's affected parties.");
        }
        var controls = input.ControlIds?.Distinct().ToList() ?? [];
        if (controls.Count > 0 && await db.Controls.CountAsync(c => controls.Contains(c.Id), cancellationToken) != controls.Count)
        {
            validation.Add(nameof(input.ControlIds), "names controls that do not exist in this organization.");
        }
        validation.ThrowIfInvalid();
        var assessment = await Assessments.LoadAsync(db, assessmentId, null, cancellationToken);
        Assessments.Reopen(db, assessment);
        ImpactEntry entry;
        if (entryId is null)
        {
            entry = new ImpactEntry { AssessmentId = assessmentId, Description = input.Description.Trim() };
            db.ImpactEntries.Add(entry);
        }
        else
        {
            entry = await db.ImpactEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.AssessmentId == assessmentId, cancellationToken) ?? throw new RecordNotFoundException("Impact", entryId);
        }
        entry.AffectedPartyId = input.AffectedPartyId;
        entry.Dimension = input.Dimension;
        entry.Nature = input.Nature;
        entry.Description = input.Description.Trim();
        entry.Severity = input.Severity;
        entry.Likelihood = input.Likelihood;
        entry.Mitigation = input.Mitigation?.Trim() ?? "";
        entry.ResidualSeverity = residualSeverity;
        entry.ResidualLikelihood = residualLikelihood;
        var current = await db.ImpactEntryControls.Where(c => c.ImpactEntryId == entry.Id).ToListAsync(cancellationToken);
        db.ImpactEntryControls.RemoveRange(current.Where(c => !controls.Contains(c.ControlId)));
        foreach (var controlId in controls.Except(current.Select(c => c.ControlId)))
        {
            db.ImpactEntryControls.Add(new ImpactEntryControl { ImpactEntryId = entry.Id, ControlId = controlId });
        }
        await db.SaveAsync("impact assessment", cancellationToken);
        return entry.Id;
    }

    public async Task RemoveImpactAsync(Guid assessmentId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var entry = await db.ImpactEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.AssessmentId == assessmentId, cancellationToken) ?? throw new RecordNotFoundException("Impact", entryId);
        var assessment = await Assessments.LoadAsync(db, assessmentId, null, cancellationToken);
        Assessments.Reopen(db, assessment);
        db.ImpactEntryControls.RemoveRange(await db.ImpactEntryControls.Where(c => c.ImpactEntryId == entryId).ToListAsync(cancellationToken));
        db.ImpactEntries.Remove(entry);
        await db.SaveAsync("impact assessment", cancellationToken);
    }

    public async Task<Guid> AddStakeholderInputAsync(Guid assessmentId, StakeholderInputInput input, CancellationToken cancellationToken = default)
    {
        new Validation().Required(nameof(input.Who), input.Who, 300).Required(nameof(input.Said), input.Said, 4000).ThrowIfInvalid();
        var assessment = await Assessments.LoadAsync(db, assessmentId, null, cancellationToken);
        Assessments.Reopen(db, assessment);
        var row = new StakeholderInput { AssessmentId = assessmentId, Who = input.Who.Trim(), On = input.On, Said = input.Said.Trim() };
        db.StakeholderInputs.Add(row);
        await db.SaveAsync("impact assessment", cancellationToken);
        return row.Id;
    }

    public async Task RemoveStakeholderInputAsync(Guid assessmentId, Guid inputId, CancellationToken cancellationToken = default)
    {
        var row = await db.StakeholderInputs.FirstOrDefaultAsync(s => s.Id == inputId && s.AssessmentId == assessmentId, cancellationToken) ?? throw new RecordNotFoundException("Stakeholder input", inputId);
        var assessment = await Assessments.LoadAsync(db, assessmentId, null, cancellationToken);
        Assessments.Reopen(db, assessment);
        db.StakeholderInputs.Remove(row);
        await db.SaveAsync("impact assessment", cancellationToken);
    }
}

/// <summary>draft → in review (submitted) → reviewed by the named reviewer → approved by the named approver, which freezes a numbered version.</summary>
public sealed class ImpactAssessmentWorkflow(AttestDbContext db)
{
    public async Task SubmitAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var assessment = await Assessments.LoadAsync(db, id, version, cancellationToken);
        if (assessment.Status != AssessmentStatus.Draft) throw ValidationFailedException.For("Status", $"{assessment.Reference} is already {Describe(assessment.Status)}.");
        var validation = new Validation();
        if (assessment.ReviewerId is null) validation.Add("ReviewerId", "name a reviewer before submitting.");
        if (assessment.ApproverId is null) validation.Add("ApproverId", "name an approver before submitting.");
        if (string.IsNullOrWhiteSpace(assessment.ScopeAndIntendedUse)) validation.Add("ScopeAndIntendedUse", "describe the scope and intended use.");
        if (string.IsNullOrWhiteSpace(assessment.Conclusion)) validation.Add("Conclusion", "write the conclusion.");
        if (!await db.AffectedParties.AnyAsync(p => p.AssessmentId == id, cancellationToken)) validation.Add("AffectedParties", "name at least one affected party.");
        if (!await db.ImpactEntries.AnyAsync(e => e.AssessmentId == id, cancellationToken)) validation.Add("Impacts", "record at least one benefit or harm.");
        validation.ThrowIfInvalid();
        assessment.Status = AssessmentStatus.InReview;
        assessment.SubmittedAt = Instant.Now(db.Clock);
        assessment.ReviewedAt = null;
        await db.SaveAsync("impact assessment", cancellationToken);
    }

    public async Task ReviewAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var assessment = await Assessments.LoadAsync(db, id, null, cancellationToken);
        if (assessment.Status != AssessmentStatus.InReview) throw ValidationFailedException.For("Status", $"{assessment.Reference} is {Describe(assessment.Status)}; it is reviewed once submitted.");
        if (db.Acting.UserId != assessment.ReviewerId) throw ValidationFailedException.For("Reviewer", "only the named reviewer can record the review.");
        assessment.ReviewedAt = Instant.Now(db.Clock);
        await db.SaveAsync("impact assessment", cancellationToken);
    }

    /// <summary>Approves and freezes the content as the next version (1.0, 1.1 …; major: 2.0). Clears any reassessment due.</summary>
    public async Task<string> ApproveAsync(Guid id, bool major = false, CancellationToken cancellationToken = default)
    {
        var assessment = await Assessments.LoadAsync(db, id, null, cancellationToken);
        if (assessment.Status != AssessmentStatus.InReview) throw ValidationFailedException.For("Status", $"{assessment.Reference} is {Describe(assessment.Status)}; only a submitted assessment can be approved.");
        if (assessment.ReviewedAt is null) throw ValidationFailedException.For("Reviewer", "the named reviewer has not recorded the review yet.");
        if (db.Acting.UserId != assessment.ApproverId) throw ValidationFailedException.For("Approver", "only the named approver can approve.");
        var content = await ImpactAssessmentQueries.ContentAsync(db, id, cancellationToken);
        var previous = await db.ImpactAssessmentVersions.Where(v => v.AssessmentId == id).OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new { v.Major, v.Minor }).FirstOrDefaultAsync(cancellationToken);
        var (number, minor) = previous is null ? (1, 0) : major ? (previous.Major + 1, 0) : (previous.Major, previous.Minor + 1);
        var names = await db.Users.Where(u => u.Id == assessment.ApproverId || u.Id == assessment.ReviewerId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var version = new ImpactAssessmentVersion
        {
            AssessmentId = id, Major = number, Minor = minor, ApprovedAt = Instant.Now(db.Clock),
            ApprovedBy = names.GetValueOrDefault(assessment.ApproverId!.Value, "unknown"), ReviewedBy = names.GetValueOrDefault(assessment.ReviewerId!.Value, "unknown"),
            Content = JsonSerializer.Serialize(content, ImpactAssessmentQueries.Json),
        };
        db.ImpactAssessmentVersions.Add(version);
        assessment.Status = AssessmentStatus.Approved;
        assessment.ApprovedNumber = version.Number;
        assessment.ReassessmentDue = false;
        assessment.ReassessmentReason = "";
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        if (assessment.NextReviewOn is null || assessment.NextReviewOn <= today) assessment.NextReviewOn = today.AddMonths(12);
        await db.SaveAsync("impact assessment", cancellationToken);
        return version.Number;
    }

    /// <summary>A trigger the system cannot see for itself (e.g. a related incident): the assessment is due again.</summary>
    public async Task FlagReassessmentAsync(Guid id, string reason, CancellationToken cancellationToken = default)
    {
        new Validation().Required("Reason", reason, 500).ThrowIfInvalid();
        var assessment = await Assessments.LoadAsync(db, id, null, cancellationToken);
        if (assessment.ApprovedNumber.Length == 0) throw ValidationFailedException.For("Status", $"{assessment.Reference} has no approved version yet; it is already being assessed.");
        Reassessment.Flag(db, assessment, reason.Trim());
        await db.SaveAsync("impact assessment", cancellationToken);
    }

    public static string Describe(AssessmentStatus status) => status == AssessmentStatus.InReview ? "in review" : status.ToString().ToLowerInvariant();
}
