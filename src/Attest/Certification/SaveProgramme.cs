using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Certification;

/// <summary>
/// A programme as forms and the API send it. <see cref="FrameworkKey"/> is iso27001-2022, iso42001-2023, or none (empty) for a standard
/// whose readiness Attest does not compute. An empty <see cref="TargetOn"/> means six months after <see cref="ScopeEstablishedOn"/>.
/// </summary>
public sealed record ProgrammeInput(
    string Name,
    string Standard,
    string? FrameworkKey = null,
    DateOnly? ScopeEstablishedOn = null,
    DateOnly? TargetOn = null,
    string? CertificationBody = null,
    Guid? OwnerId = null,
    string? Description = null,
    bool ShowOnTrustPage = false,
    bool Archived = false,
    int Version = 0);

/// <summary>
/// Adds or updates a certification programme. A new programme gets the twelve standard milestones, planned between the scope's
/// establishment (or today) and the target, with the surveillance audits and recertification one, two and three years after it.
/// </summary>
public sealed class SaveProgramme(AttestDbContext db)
{
    /// <summary>The framework keys a programme may name; "none" (or nothing) for other standards.</summary>
    public static readonly IReadOnlyList<string> FrameworkKeys = ["iso27001-2022", "iso42001-2023", "none"];

    public async Task<Guid> RunAsync(Guid? id, ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 200)
            .Required(nameof(input.Standard), input.Standard, 200)
            .MaxLength(nameof(input.CertificationBody), input.CertificationBody, 300)
            .MaxLength(nameof(input.Description), input.Description, 20000);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.CertificationProgrammes.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another programme is already called '{name}'.");
        }
        var key = string.IsNullOrWhiteSpace(input.FrameworkKey) ? "none" : input.FrameworkKey.Trim().ToLowerInvariant();
        Guid? frameworkId = null;
        if (!FrameworkKeys.Contains(key))
        {
            validation.Add(nameof(input.FrameworkKey), $"must be one of {string.Join(", ", FrameworkKeys)}.");
        }
        else if (key != "none")
        {
            frameworkId = await db.Frameworks.Where(f => f.Key == key).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (frameworkId is null) validation.Add(nameof(input.FrameworkKey), $"{key} is not loaded in this organization.");
        }
        var target = input.TargetOn ?? input.ScopeEstablishedOn?.AddMonths(6);
        if (target is null) validation.Add(nameof(input.TargetOn), "is required when the scope's establishment date is not given.");
        else if (input.ScopeEstablishedOn is { } scope && target < scope) validation.Add(nameof(input.TargetOn), "cannot be before the scope was established.");
        validation.ThrowIfInvalid();

        CertificationProgramme programme;
        if (id is null)
        {
            programme = new CertificationProgramme { Name = name, Standard = input.Standard.Trim() };
            db.CertificationProgrammes.Add(programme);
        }
        else
        {
            programme = await db.CertificationProgrammes.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Certification programme", id);
            db.Entry(programme).Property(p => p.Version).OriginalValue = input.Version;
        }
        programme.Name = name;
        programme.Standard = input.Standard.Trim();
        programme.FrameworkId = frameworkId;
        programme.ScopeEstablishedOn = input.ScopeEstablishedOn;
        programme.TargetOn = target!.Value;
        programme.CertificationBody = input.CertificationBody?.Trim() ?? "";
        programme.OwnerId = input.OwnerId;
        programme.Description = input.Description?.Trim() ?? "";
        programme.ShowOnTrustPage = input.ShowOnTrustPage;
        programme.Archived = input.Archived;
        if (id is null)
        {
            var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
            var start = input.ScopeEstablishedOn ?? today;
            db.Milestones.AddRange(StandardMilestones.Plan(start, programme.TargetOn).Select((m, i) => new Milestone
            {
                ProgrammeId = programme.Id, Kind = m.Kind, Title = m.Title, PlannedOn = m.PlannedOn, SortOrder = i + 1, OwnerId = input.OwnerId,
            }));
        }
        await db.SaveAsync("certification programme", cancellationToken);
        return programme.Id;
    }
}

/// <summary>The usual route to certification and the three-year cycle after it, with planned dates.</summary>
public static class StandardMilestones
{
    public sealed record Planned(MilestoneKind Kind, string Title, DateOnly PlannedOn);

    /// <summary>The share of the way from the start to the target at which each step before certification is planned.</summary>
    private static readonly (MilestoneKind Kind, string Title, double At)[] BeforeTarget =
    [
        (MilestoneKind.GapAssessment, "Gap assessment", 0.08),
        (MilestoneKind.RiskAssessment, "Risk assessment", 0.25),
        (MilestoneKind.SoaApproved, "Statement of Applicability approved", 0.38),
        (MilestoneKind.PoliciesPublished, "Policies published", 0.5),
        (MilestoneKind.InternalAudit, "Internal audit", 0.65),
        (MilestoneKind.ManagementReview, "Management review", 0.72),
        (MilestoneKind.Stage1Audit, "Stage 1 audit", 0.8),
        (MilestoneKind.Stage2Audit, "Stage 2 audit", 0.92),
    ];

    public static IReadOnlyList<Planned> Plan(DateOnly start, DateOnly target)
    {
        var span = Math.Max(0, target.DayNumber - start.DayNumber);
        var steps = BeforeTarget.Select(s => new Planned(s.Kind, s.Title, start.AddDays((int)Math.Round(span * s.At)))).ToList();
        steps.Add(new Planned(MilestoneKind.CertificateIssued, "Certificate issued", target));
        steps.Add(new Planned(MilestoneKind.SurveillanceAudit1, "Surveillance audit 1", target.AddYears(1)));
        steps.Add(new Planned(MilestoneKind.SurveillanceAudit2, "Surveillance audit 2", target.AddYears(2)));
        steps.Add(new Planned(MilestoneKind.Recertification, "Recertification", target.AddYears(3)));
        return steps;
    }

    /// <summary>The steps that lead up to certification (the ones that must be planned by the target for a programme to be on track).</summary>
    public static bool LeadsToCertificate(MilestoneKind kind) => kind <= MilestoneKind.CertificateIssued;
}
