using System.Globalization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.InternalAudits;

/// <summary>
/// An audit programme as forms and the API send it. <see cref="FrameworkKeys"/> names the frameworks whose clauses and controls the cycle must
/// cover ("iso27001-2022, iso42001-2023"). <see cref="AuditsPerYear"/> divides the year into equal periods: 1, 2, 3, 4 (quarterly), 6 or 12.
/// </summary>
public sealed record AuditProgrammeInput(
    string Name,
    DateOnly CycleStart,
    DateOnly CycleEnd,
    int AuditsPerYear = 4,
    string? FrameworkKeys = null,
    string? Description = null,
    Guid? OwnerId = null,
    bool Archived = false,
    int Version = 0);

/// <summary>Adds or updates an internal audit programme (clause 9.2.2) and the frameworks it covers.</summary>
public sealed class SaveAuditProgramme(AttestDbContext db)
{
    public static readonly IReadOnlyList<int> Frequencies = [1, 2, 3, 4, 6, 12];

    public async Task<Guid> RunAsync(Guid? id, AuditProgrammeInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Name), input.Name, 300)
            .MaxLength(nameof(input.Description), input.Description, 20000);
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.AuditProgrammes.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another programme is already called '{name}'.");
        }
        if (input.CycleStart == default) validation.Add(nameof(input.CycleStart), "is required.");
        if (input.CycleEnd == default) validation.Add(nameof(input.CycleEnd), "is required.");
        else if (input.CycleEnd <= input.CycleStart) validation.Add(nameof(input.CycleEnd), "must be after the start of the cycle.");
        else if (input.CycleEnd > input.CycleStart.AddYears(5)) validation.Add(nameof(input.CycleEnd), "a cycle lasts at most five years.");
        if (!Frequencies.Contains(input.AuditsPerYear)) validation.Add(nameof(input.AuditsPerYear), $"must be one of {string.Join(", ", Frequencies)}.");
        var frameworks = await ResolveFrameworksAsync(validation, input.FrameworkKeys, cancellationToken);
        validation.ThrowIfInvalid();

        AuditProgramme programme;
        if (id is null)
        {
            programme = new AuditProgramme { Name = name };
            db.AuditProgrammes.Add(programme);
        }
        else
        {
            programme = await db.AuditProgrammes.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Audit programme", id);
            db.Entry(programme).Property(p => p.Version).OriginalValue = input.Version;
        }
        programme.Name = name;
        programme.Description = input.Description?.Trim() ?? "";
        programme.CycleStart = input.CycleStart;
        programme.CycleEnd = input.CycleEnd;
        programme.AuditsPerYear = input.AuditsPerYear;
        programme.OwnerId = input.OwnerId;
        programme.Archived = input.Archived;
        var links = id is null ? [] : await db.AuditProgrammeFrameworks.Where(l => l.ProgrammeId == programme.Id).ToListAsync(cancellationToken);
        db.AuditProgrammeFrameworks.RemoveRange(links.Where(l => !frameworks.Contains(l.FrameworkId)));
        db.AuditProgrammeFrameworks.AddRange(frameworks.Where(f => links.All(l => l.FrameworkId != f))
            .Select(f => new AuditProgrammeFramework { ProgrammeId = programme.Id, FrameworkId = f }));
        await db.SaveAsync("audit programme", cancellationToken);
        return programme.Id;
    }

    private async Task<List<Guid>> ResolveFrameworksAsync(Validation validation, string? text, CancellationToken cancellationToken)
    {
        var keys = (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.ToLowerInvariant()).Distinct().ToList();
        if (keys.Count == 0)
        {
            validation.Add(nameof(AuditProgrammeInput.FrameworkKeys), "name at least one framework the programme covers, e.g. iso27001-2022.");
            return [];
        }
        var found = await db.Frameworks.AsNoTracking().Where(f => keys.Contains(f.Key)).Select(f => new { f.Key, f.Id }).ToListAsync(cancellationToken);
        var missing = keys.Where(k => found.All(f => f.Key != k)).ToList();
        if (missing.Count > 0) validation.Add(nameof(AuditProgrammeInput.FrameworkKeys), $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not loaded in this organization.");
        return found.Select(f => f.Id).ToList();
    }
}

/// <summary>The periods a programme's cycle is divided into: calendar quarters for four audits a year, halves for two, months for twelve.</summary>
public static class AuditPeriods
{
    public sealed record Period(DateOnly Start, DateOnly End, string Name);

    /// <summary>Every period of the calendar that overlaps the cycle, clipped to it, in order.</summary>
    public static IReadOnlyList<Period> Of(DateOnly cycleStart, DateOnly cycleEnd, int auditsPerYear)
    {
        if (auditsPerYear <= 0 || 12 % auditsPerYear != 0 || cycleEnd < cycleStart) return [];
        var months = 12 / auditsPerYear;
        var periods = new List<Period>();
        var start = new DateOnly(cycleStart.Year, (cycleStart.Month - 1) / months * months + 1, 1);
        while (start <= cycleEnd)
        {
            var end = start.AddMonths(months).AddDays(-1);
            var index = (start.Month - 1) / months + 1;
            var name = auditsPerYear switch
            {
                1 => start.Year.ToString(CultureInfo.InvariantCulture),
                2 => $"H{index} {start.Year}",
                4 => $"Q{index} {start.Year}",
                12 => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
                _ => $"Period {index} {start.Year}",
            };
            periods.Add(new Period(start < cycleStart ? cycleStart : start, end > cycleEnd ? cycleEnd : end, name));
            start = start.AddMonths(months);
        }
        return periods;
    }
}

/// <summary>
/// Plans the programme's cycle: one planned internal audit (IA-nnn, "Q1 2027 internal audit") per period that has none yet, owned by the programme's
/// owner. Running it again adds nothing. Returns the number of audits created. The first audit created also receives the re-audits of earlier
/// nonconformities that no audit has taken up yet.
/// </summary>
public sealed class PlanAuditCycle(AttestDbContext db)
{
    public async Task<int> RunAsync(Guid programmeId, CancellationToken cancellationToken = default)
    {
        var programme = await db.AuditProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new RecordNotFoundException("Audit programme", programmeId);
        if (programme.Archived) throw ValidationFailedException.For("Archived", "an archived programme is not planned.");
        var planned = await db.InternalAudits.AsNoTracking().Where(a => a.ProgrammeId == programmeId).Select(a => a.PlannedStart).ToListAsync(cancellationToken);
        var frameworks = await ProgrammeFrameworkNamesAsync(db, programmeId, cancellationToken);
        var next = await References.NextAsync(db.InternalAudits.Select(a => a.Reference), "IA-", 3, cancellationToken);
        var number = int.Parse(next[3..], CultureInfo.InvariantCulture);
        var created = new List<InternalAudit>();
        foreach (var period in AuditPeriods.Of(programme.CycleStart, programme.CycleEnd, programme.AuditsPerYear))
        {
            if (planned.Any(p => p >= period.Start && p <= period.End)) continue;
            var audit = new InternalAudit
            {
                Reference = "IA-" + (number++).ToString("000", CultureInfo.InvariantCulture),
                ProgrammeId = programme.Id,
                Title = $"{period.Name} internal audit",
                Criteria = frameworks.Count == 0 ? "" : string.Join(", ", frameworks) + "; the organization's policies and procedures.",
                OwnerId = programme.OwnerId,
                PlannedStart = period.Start,
                PlannedEnd = period.End,
                Status = InternalAuditStatus.Planned,
            };
            db.InternalAudits.Add(audit);
            created.Add(audit);
        }
        if (created.Count > 0) await Reaudits.AddPendingAsync(db, created[0].Id, created[0].PlannedEnd, [], cancellationToken);
        await db.SaveAsync("internal audit", cancellationToken);
        return created.Count;
    }

    internal static Task<List<string>> ProgrammeFrameworkNamesAsync(AttestDbContext db, Guid programmeId, CancellationToken cancellationToken) =>
        db.AuditProgrammeFrameworks.AsNoTracking().Where(l => l.ProgrammeId == programmeId)
            .Join(db.Frameworks, l => l.FrameworkId, f => f.Id, (l, f) => f.Name).OrderBy(n => n).ToListAsync(cancellationToken);
}
