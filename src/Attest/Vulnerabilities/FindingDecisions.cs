using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Vulnerabilities;

/// <summary>A finding recorded by hand, such as a penetration test's: same register, same SLA, same triage as a scanner's.</summary>
public sealed record ManualFindingInput(
    Guid AssetId,
    string RuleId,
    string Title,
    VulnerabilitySeverity Severity,
    string? Description = null,
    string? Location = null,
    double? CvssScore = null,
    Guid? OwnerId = null,
    string? HelpUrl = null);

/// <summary>
/// Records a manual finding (a pen test's, a bug bounty report) on an asset. Its identity is the reference and the location, so the same
/// issue cannot be recorded twice on one asset. The record is audited through its first decision ("recorded").
/// </summary>
public sealed class RecordManualFinding(AttestDbContext db)
{
    public async Task<Guid> RunAsync(ManualFindingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = new Validation()
            .Required(nameof(input.RuleId), input.RuleId, 200)
            .Required(nameof(input.Title), input.Title, 500)
            .MaxLength(nameof(input.Description), input.Description, 20_000)
            .MaxLength(nameof(input.Location), input.Location, 1000)
            .MaxLength(nameof(input.HelpUrl), input.HelpUrl, 2000)
            .Defined(nameof(input.Severity), input.Severity);
        if (input.CvssScore is { } score && (double.IsNaN(score) || score < 0 || score > 10)) validation.Add(nameof(input.CvssScore), "must be a CVSS score from 0.0 to 10.0.");
        if (!string.IsNullOrWhiteSpace(input.HelpUrl) && !VulnerabilityQueries.IsWebAddress(input.HelpUrl)) validation.Add(nameof(input.HelpUrl), "must be an http(s) address.");
        var asset = await db.Assets.AsNoTracking().Where(a => a.Id == input.AssetId).Select(a => new { a.Id, a.OwnerId }).FirstOrDefaultAsync(cancellationToken);
        if (asset is null) validation.Add(nameof(input.AssetId), "is not an asset of this organization.");
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var ruleId = input.RuleId?.Trim() ?? "";
        var location = input.Location?.Trim() ?? "";
        var fingerprint = ScanFiles.Fingerprint("manual", ruleId, location);
        if (asset is not null && validation.IsValid)
        {
            var duplicate = await db.VulnerabilityFindings.AsNoTracking().Where(f => f.AssetId == asset.Id && f.Target == "" && f.Fingerprint == fingerprint)
                .Select(f => (int?)f.Number).FirstOrDefaultAsync(cancellationToken);
            if (duplicate is { } number) validation.Add(nameof(input.RuleId), $"VULN-{number} already records {ruleId}{(location.Length > 0 ? $" at {location}" : "")} on this asset.");
        }
        validation.ThrowIfInvalid();
        if (!VulnerabilityRules.MayWork(db.Acting, input.OwnerId, asset!.OwnerId))
        {
            throw ValidationFailedException.For(nameof(input.AssetId), "you may record findings only on assets you own, or owned by you.");
        }

        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var settings = await VulnerabilitySettingsQueries.LoadAsync(db, cancellationToken);
        var now = Instant.Now(db.Clock);
        var finding = new VulnerabilityFinding
        {
            Number = (await db.VulnerabilityFindings.MaxAsync(f => (int?)f.Number, cancellationToken) ?? 0) + 1,
            AssetId = asset.Id, Source = FindingSource.Manual, Target = "", Fingerprint = fingerprint, RuleId = ruleId, Title = input.Title.Trim(),
            Description = input.Description?.Trim() ?? "", Location = location, Severity = input.Severity, CvssScore = input.CvssScore is { } s ? Math.Round(s, 1) : null,
            HelpUrl = input.HelpUrl?.Trim() ?? "", Status = FindingStatus.Open, OwnerId = input.OwnerId, FirstSeenAt = now,
            DueOn = OrganizationTime.Date(now, zone).AddDays(settings.DaysFor(input.Severity)),
        };
        db.VulnerabilityFindings.Add(finding);
        db.FindingDecisions.Add(new FindingDecision
        {
            FindingId = finding.Id, At = now, By = db.Acting.Actor, FromStatus = FindingStatus.Open, ToStatus = FindingStatus.Open, OwnerId = input.OwnerId,
            Reason = $"Recorded by hand: {ruleId} — {finding.Title}",
        });
        await db.SaveAsync("vulnerability finding", cancellationToken);
        return finding.Id;
    }
}

public sealed record TriageInput(FindingStatus Status, Guid? OwnerId = null, string? Reason = null, Guid? RiskAcceptanceId = null, int Version = 0);

/// <summary>
/// A person's decision on a finding: its status, owner and reason. A false positive needs the reason; risk-accepted needs one of the
/// organization's current risk acceptances; marking it fixed by hand starts nothing a later scan cannot undo (seen again, it reopens).
/// Every decision is written to the finding's history (audited). Contributors triage findings they own or on assets they own.
/// </summary>
public sealed class TriageFinding(AttestDbContext db)
{
    /// <exception cref="RecordNotFoundException">No such finding in this organization.</exception>
    /// <exception cref="ValidationFailedException">A rule was broken, or the caller may not triage this finding.</exception>
    /// <exception cref="EditConflictException">The finding changed since <see cref="TriageInput.Version"/> was read.</exception>
    public async Task RunAsync(Guid findingId, TriageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var finding = await db.VulnerabilityFindings.FirstOrDefaultAsync(f => f.Id == findingId, cancellationToken) ?? throw new RecordNotFoundException("Vulnerability finding", findingId);
        var assetOwner = await db.Assets.AsNoTracking().Where(a => a.Id == finding.AssetId).Select(a => a.OwnerId).FirstOrDefaultAsync(cancellationToken);
        if (!VulnerabilityRules.MayWork(db.Acting, finding.OwnerId, assetOwner))
        {
            throw ValidationFailedException.For("Status", $"you may triage only findings you own or on assets you own; VULN-{finding.Number} is neither. Ask its owner or a Manager.");
        }
        var reason = input.Reason?.Trim() ?? "";
        var validation = new Validation().Defined(nameof(input.Status), input.Status).MaxLength(nameof(input.Reason), reason, 4000);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.Status == FindingStatus.FalsePositive && reason.Length == 0) validation.Add(nameof(input.Reason), "is required for a false positive: say why it is not a real vulnerability.");
        Guid? acceptance = null;
        if (input.Status == FindingStatus.RiskAccepted)
        {
            if (input.RiskAcceptanceId is not { } chosen) validation.Add(nameof(input.RiskAcceptanceId), "choose the risk acceptance that covers this finding.");
            else if (!await VulnerabilityQueries.CurrentAcceptances(db).AnyAsync(a => a.Id == chosen, cancellationToken))
            {
                validation.Add(nameof(input.RiskAcceptanceId), "is not a current risk acceptance of this organization (it may have expired, gone stale or been superseded).");
            }
            else acceptance = chosen;
        }
        validation.ThrowIfInvalid();

        var from = finding.Status;
        if (from == input.Status && finding.OwnerId == input.OwnerId && finding.RiskAcceptanceId == acceptance && (reason.Length == 0 || reason == finding.StatusReason)) return;
        db.Entry(finding).Property(f => f.Version).OriginalValue = input.Version;
        var now = Instant.Now(db.Clock);
        finding.Status = input.Status;
        finding.OwnerId = input.OwnerId;
        finding.RiskAcceptanceId = acceptance;
        if (input.Status is FindingStatus.FalsePositive or FindingStatus.RiskAccepted || reason.Length > 0) finding.StatusReason = reason;
        if (input.Status == FindingStatus.Fixed && from != FindingStatus.Fixed)
        {
            finding.FixedAt = now;
            finding.RemediateSeconds = (long)Math.Max(0, (now - finding.FirstSeenAt).TotalSeconds);
            finding.FixedByScanId = null;
        }
        else if (input.Status != FindingStatus.Fixed)
        {
            finding.FixedAt = null;
            finding.RemediateSeconds = null;
            finding.FixedByScanId = null;
        }
        db.FindingDecisions.Add(new FindingDecision
        {
            FindingId = finding.Id, At = now, By = db.Acting.Actor, FromStatus = from, ToStatus = input.Status, OwnerId = input.OwnerId, Reason = reason, RiskAcceptanceId = acceptance,
        });
        await db.SaveAsync("vulnerability finding", cancellationToken);
    }
}

public sealed record VulnerabilitySettingsInput(int CriticalDays, int HighDays, int MediumDays, int LowDays, bool RecomputeOpenDueDates = false, int Version = 0);

/// <summary>
/// Saves the remediation SLA per severity. Existing due dates stay as they were unless the Manager asks to recompute those of open and
/// in-progress findings (first seen + the new days, in the organization's time zone).
/// </summary>
public sealed class SaveVulnerabilitySettings(AttestDbContext db)
{
    /// <returns>How many findings got a new due date.</returns>
    public async Task<int> RunAsync(VulnerabilitySettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = new Validation();
        foreach (var (field, days) in new[] { (nameof(input.CriticalDays), input.CriticalDays), (nameof(input.HighDays), input.HighDays),
            (nameof(input.MediumDays), input.MediumDays), (nameof(input.LowDays), input.LowDays) })
        {
            if (days is < 1 or > 3650) validation.Add(field, "must be 1 to 3650 days.");
        }
        if (validation.IsValid && !(input.CriticalDays <= input.HighDays && input.HighDays <= input.MediumDays && input.MediumDays <= input.LowDays))
        {
            validation.Add(nameof(input.CriticalDays), "a more severe finding cannot have longer to be fixed: keep critical ≤ high ≤ medium ≤ low.");
        }
        validation.ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await db.VulnerabilitySettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new VulnerabilitySettings();
            db.VulnerabilitySettings.Add(settings);
        }
        else db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
        settings.CriticalDays = input.CriticalDays;
        settings.HighDays = input.HighDays;
        settings.MediumDays = input.MediumDays;
        settings.LowDays = input.LowDays;
        await db.SaveAsync("vulnerability settings", cancellationToken);

        var changed = 0;
        if (input.RecomputeOpenDueDates)
        {
            var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
            var open = await db.VulnerabilityFindings.AsNoTracking().Where(f => f.Status == FindingStatus.Open || f.Status == FindingStatus.InProgress)
                .Select(f => new { f.Id, f.Severity, f.FirstSeenAt, f.DueOn }).ToListAsync(cancellationToken);
            // Few distinct dates: one update per new due date rather than one per finding.
            var moves = open.Select(f => (f.Id, f.DueOn, Due: OrganizationTime.Date(f.FirstSeenAt, zone).AddDays(settings.DaysFor(f.Severity))))
                .Where(f => f.Due != f.DueOn).GroupBy(f => f.Due);
            foreach (var move in moves)
            {
                foreach (var ids in move.Select(m => m.Id).Chunk(500))
                {
                    var due = move.Key;
                    changed += await db.VulnerabilityFindings.Where(f => ids.Contains(f.Id))
                        .ExecuteUpdateAsync(set => set.SetProperty(f => f.DueOn, due).SetProperty(f => f.Version, f => f.Version + 1), cancellationToken);
                }
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
