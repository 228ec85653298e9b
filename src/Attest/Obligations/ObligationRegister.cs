using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Obligations;

/// <summary>
/// What the register lists: retired obligations only when <see cref="IncludeRetired"/>; <see cref="ReviewOverdue"/> keeps those whose review
/// date has passed; <see cref="Licence"/> keeps licences in that state on the organization's today.
/// </summary>
public sealed record ObligationFilter(
    string? Search = null,
    ObligationKind? Kind = null,
    ComplianceStatus? Status = null,
    Guid? OwnerId = null,
    bool ReviewOverdue = false,
    LicenceState? Licence = null,
    bool IncludeRetired = false);

/// <summary>An obligation as the register and the licences list show it; <see cref="Standing"/> is set for licences only.</summary>
public sealed record ObligationRow(
    Guid Id, string Reference, string Title, ObligationKind Kind, string Source, string Jurisdiction, Guid? OwnerId, string? OwnerName,
    string Clients, ComplianceStatus Status, string StatusReason, DateOnly? AssessedOn, DateOnly? ReviewOn, bool ReviewOverdue, bool Retired,
    Guid? HolderPersonId, string Holder, string IssuingBody, string LicenceNumber, DateOnly? ValidFrom, DateOnly? ValidUntil, int RenewalLeadDays,
    LicenceStanding? Standing, int Links, int Version);

public sealed record ObligationPage(IReadOnlyList<ObligationRow> Rows, bool HasMore, DateOnly Today);

public sealed record LinkedRequirement(Guid Id, string FrameworkKey, string FrameworkName, string Code, string Title);
public sealed record LinkedControl(Guid Id, string Reference, string Name);
/// <summary>An asset the obligation applies to; <see cref="AiSystemId"/> when the asset is an AI system.</summary>
public sealed record LinkedAsset(Guid Id, string Reference, string Name, Guid? AiSystemId);

/// <summary>One obligation with everything it links to, for its page and the API.</summary>
public sealed record ObligationDetail(
    Guid Id, string Reference, string Title, ObligationKind Kind, string Source, string Jurisdiction, string Description, Guid? OwnerId, string? OwnerName,
    string BusinessProcesses, string Clients, DateOnly? ContractStartOn, DateOnly? ContractEndOn, ComplianceStatus Status, string StatusReason,
    DateOnly? AssessedOn, DateOnly? ReviewOn, bool ReviewOverdue, bool Retired, Guid? HolderPersonId, string Holder, string IssuingBody, string LicenceNumber,
    DateOnly? ValidFrom, DateOnly? ValidUntil, int RenewalLeadDays, LicenceStanding? Standing,
    IReadOnlyList<LinkedRequirement> Requirements, IReadOnlyList<LinkedControl> Controls, IReadOnlyList<LinkedAsset> Assets,
    IReadOnlyList<RegulatoryEventRow> Events, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, DateOnly Today);

/// <summary>Obligations of one status (active obligations other than licences).</summary>
public sealed record ObligationStatusFigure(ComplianceStatus Status, int Count);

/// <summary>
/// The register in figures on <see cref="Today"/> (the organization's date). Licences are the active ones: <see cref="LicencesValid"/> counts
/// those valid today (expiring soon included), <see cref="LicencesExpiring"/> those of them ending within 90 days, <see cref="LicencesExpired"/>
/// those past their last day. <see cref="LicenceCompliancePercent"/> is valid ÷ active licences (null with no licences). <see cref="ByStatus"/>
/// covers active obligations other than licences; <see cref="ViolationsThisYear"/> counts violations, fines and sanctions that occurred in the
/// current calendar year.
/// </summary>
public sealed record ObligationFigures(
    int Active, int Licences, int LicencesValid, int LicencesExpiring, int LicencesExpired, int LicencesNotYetValid, int LicencesRenewalDue, double? LicenceCompliancePercent,
    IReadOnlyList<ObligationStatusFigure> ByStatus, int ReviewsOverdue, int ViolationsThisYear, int OpenEvents, DateOnly Today)
{
    public const string LicenceComplianceDefinition =
        "Licences valid today (including those expiring within 90 days) ÷ licences in force (not retired), as a percentage. Expired, not yet valid and undated licences count against it.";
}

/// <summary>
/// Reads the obligations register. Licence standing always comes from <see cref="LicenceValidity"/>; the only place the SQL mirrors its
/// boundaries is <see cref="WhereLicence"/>, which the register's filter needs to page on the database.
/// </summary>
public static class ObligationRegister
{
    public static IQueryable<Obligation> Filtered(AttestDbContext db, ObligationFilter filter, DateOnly today)
    {
        var query = db.Obligations.AsNoTracking();
        if (!filter.IncludeRetired) query = query.Where(o => !o.Retired);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(o => o.Reference.ToLower().Contains(term) || o.Title.ToLower().Contains(term) || o.Source.ToLower().Contains(term)
                || o.Clients.ToLower().Contains(term) || o.Holder.ToLower().Contains(term) || o.IssuingBody.ToLower().Contains(term) || o.LicenceNumber.ToLower().Contains(term));
        }
        if (filter.Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (filter.Status is { } status) query = query.Where(o => o.Status == status);
        if (filter.OwnerId is { } owner) query = query.Where(o => o.OwnerId == owner);
        if (filter.ReviewOverdue) query = query.Where(o => o.ReviewOn != null && o.ReviewOn < today);
        if (filter.Licence is { } state) query = WhereLicence(query.Where(o => o.Kind == ObligationKind.Licence), state, today);
        return query;
    }

    /// <summary>The licences in <paramref name="state"/> on <paramref name="today"/>: the same boundaries as <see cref="LicenceValidity.On"/>, in SQL.</summary>
    public static IQueryable<Obligation> WhereLicence(IQueryable<Obligation> licences, LicenceState state, DateOnly today)
    {
        var horizon = today.AddDays(LicenceValidity.ExpiringWithinDays);
        return state switch
        {
            LicenceState.Expired => licences.Where(o => o.ValidUntil != null && o.ValidUntil < today),
            LicenceState.NotYetValid => licences.Where(o => (o.ValidUntil == null || o.ValidUntil >= today) && o.ValidFrom != null && o.ValidFrom > today),
            LicenceState.Expiring => licences.Where(o => o.ValidUntil != null && o.ValidUntil >= today && o.ValidUntil <= horizon && (o.ValidFrom == null || o.ValidFrom <= today)),
            LicenceState.Valid => licences.Where(o => o.ValidUntil != null && o.ValidUntil > horizon && (o.ValidFrom == null || o.ValidFrom <= today)),
            _ => licences.Where(o => o.ValidUntil == null && (o.ValidFrom == null || o.ValidFrom <= today)),
        };
    }

    public static async Task<DateOnly> TodayAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));

    /// <summary>One page of the register in one query (plus the organization's date), by reference.</summary>
    public static async Task<ObligationPage> PageAsync(AttestDbContext db, ObligationFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        return await PageOfAsync(db, Filtered(db, filter, today).OrderBy(o => o.Reference), page, size, today, cancellationToken);
    }

    /// <summary>Licences only (retired ones left out unless asked), soonest expiry first and undated last, in one query.</summary>
    public static async Task<ObligationPage> LicencesAsync(AttestDbContext db, ObligationFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var query = Filtered(db, filter with { Kind = ObligationKind.Licence }, today)
            .OrderBy(o => o.ValidUntil == null).ThenBy(o => o.ValidUntil).ThenBy(o => o.Reference);
        return await PageOfAsync(db, query, page, size, today, cancellationToken);
    }

    /// <summary>Every obligation the filter selects (retired ones included), by reference, with its links as codes: three queries.</summary>
    public static async Task<(IReadOnlyList<ObligationRow> Rows, IReadOnlyDictionary<Guid, ObligationExportLinks> Links, IReadOnlyDictionary<Guid, (string Description, string BusinessProcesses, DateOnly? ContractStartOn, DateOnly? ContractEndOn, string? HolderPerson)> Text)>
        AllAsync(AttestDbContext db, ObligationFilter filter, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var found = await Filtered(db, filter, today).OrderBy(o => o.Reference)
            .Select(o => new
            {
                Obligation = o,
                Owner = db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                HolderPerson = db.People.Where(p => p.Id == o.HolderPersonId).Select(p => p.Email).FirstOrDefault(),
                Links = db.ObligationRequirements.Count(l => l.ObligationId == o.Id) + db.ObligationControls.Count(l => l.ObligationId == o.Id)
                    + db.ObligationAssets.Count(l => l.ObligationId == o.Id),
            })
            .ToListAsync(cancellationToken);
        var rows = found.Select(f =>
        {
            var o = f.Obligation;
            return new { Row = new Row(o.Id, o.Reference, o.Title, o.Kind, o.Source, o.Jurisdiction, o.OwnerId, f.Owner, o.Clients, o.Status, o.StatusReason, o.AssessedOn,
                o.ReviewOn, o.Retired, o.HolderPersonId, o.Holder, o.IssuingBody, o.LicenceNumber, o.ValidFrom, o.ValidUntil, o.RenewalLeadDays, f.Links, o.Version),
                o.Description, o.BusinessProcesses, o.ContractStartOn, o.ContractEndOn, f.HolderPerson };
        }).ToList();
        var ids = rows.Select(f => f.Row.Id).ToList();
        var requirements = (await db.ObligationRequirements.AsNoTracking().Where(l => ids.Contains(l.ObligationId))
                .Join(db.Requirements, l => l.RequirementId, r => r.Id, (l, r) => new { l.ObligationId, r.FrameworkId, r.Code })
                .Join(db.Frameworks, x => x.FrameworkId, f => f.Id, (x, f) => new { x.ObligationId, Text = f.Key + " " + x.Code })
                .ToListAsync(cancellationToken)).ToLookup(x => x.ObligationId, x => x.Text);
        var others = await db.ObligationControls.AsNoTracking().Where(l => ids.Contains(l.ObligationId))
            .Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { l.ObligationId, Control = true, c.Reference })
            .Concat(db.ObligationAssets.AsNoTracking().Where(l => ids.Contains(l.ObligationId))
                .Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => new { l.ObligationId, Control = false, a.Reference }))
            .ToListAsync(cancellationToken);
        var controls = others.Where(o => o.Control).ToLookup(o => o.ObligationId, o => o.Reference);
        var assets = others.Where(o => !o.Control).ToLookup(o => o.ObligationId, o => o.Reference);
        static string Join(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal));
        return (rows.Select(f => f.Row.ToRow(today)).ToList(),
            rows.ToDictionary(f => f.Row.Id, f => new ObligationExportLinks(Join(requirements[f.Row.Id]), Join(controls[f.Row.Id]), Join(assets[f.Row.Id]))),
            rows.ToDictionary(f => f.Row.Id, f => (f.Description, f.BusinessProcesses, f.ContractStartOn, f.ContractEndOn, f.HolderPerson)));
    }

    public static async Task<ObligationDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var found = await db.Obligations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { Obligation = o, Owner = db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Obligation", id);
        var requirements = await db.ObligationRequirements.AsNoTracking().Where(l => l.ObligationId == id)
            .Join(db.Requirements, l => l.RequirementId, r => r.Id, (l, r) => r)
            .Join(db.Frameworks, r => r.FrameworkId, f => f.Id, (r, f) => new LinkedRequirement(r.Id, f.Key, f.Name, r.Code, r.Title))
            .ToListAsync(cancellationToken);
        var controls = await db.ObligationControls.AsNoTracking().Where(l => l.ObligationId == id)
            .Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => c)
            .OrderBy(c => c.Reference).Select(c => new LinkedControl(c.Id, c.Reference, c.Name)).ToListAsync(cancellationToken);
        var assets = await db.ObligationAssets.AsNoTracking().Where(l => l.ObligationId == id)
            .Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => a)
            .OrderBy(a => a.Reference)
            .Select(a => new LinkedAsset(a.Id, a.Reference, a.Name, db.AiSystems.Where(s => s.AssetId == a.Id).Select(s => (Guid?)s.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var events = await RegulatoryEventRegister.Rows(db, db.RegulatoryEvents.AsNoTracking().Where(e => e.ObligationId == id)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Reference)).ToListAsync(cancellationToken);
        var o = found.Obligation;
        return new ObligationDetail(o.Id, o.Reference, o.Title, o.Kind, o.Source, o.Jurisdiction, o.Description, o.OwnerId, found.Owner, o.BusinessProcesses, o.Clients,
            o.ContractStartOn, o.ContractEndOn, o.Status, o.StatusReason, o.AssessedOn, o.ReviewOn, IsReviewOverdue(o.ReviewOn, o.Retired, today), o.Retired,
            o.HolderPersonId, o.Holder, o.IssuingBody, o.LicenceNumber, o.ValidFrom, o.ValidUntil, o.RenewalLeadDays, StandingOf(o.Kind, o.ValidFrom, o.ValidUntil, o.RenewalLeadDays, today),
            requirements.OrderBy(r => r.FrameworkKey, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(), controls, assets, events,
            o.CreatedAt, o.UpdatedAt, o.Version, today);
    }

    /// <summary>
    /// The figures in three queries after the organization's date: active obligations by licence-or-not and status (with reviews overdue),
    /// the validity dates of active licences (judged by <see cref="LicenceValidity"/>), and regulatory events by status with this year's violations.
    /// </summary>
    public static async Task<ObligationFigures> FiguresAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(db, cancellationToken);
        var groups = await db.Obligations.AsNoTracking().Where(o => !o.Retired)
            .GroupBy(o => new { Licence = o.Kind == ObligationKind.Licence, o.Status })
            .Select(g => new { g.Key.Licence, g.Key.Status, Count = g.Count(), Overdue = g.Count(o => o.ReviewOn != null && o.ReviewOn < today) })
            .ToListAsync(cancellationToken);
        var licences = (await db.Obligations.AsNoTracking().Where(o => !o.Retired && o.Kind == ObligationKind.Licence)
                .Select(o => new { o.ValidFrom, o.ValidUntil, o.RenewalLeadDays }).ToListAsync(cancellationToken))
            .Select(l => LicenceValidity.On(today, l.ValidFrom, l.ValidUntil, l.RenewalLeadDays)).ToList();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var events = await db.RegulatoryEvents.AsNoTracking()
            .GroupBy(e => e.Status)
            .Select(g => new
            {
                Status = g.Key,
                Count = g.Count(),
                Violations = g.Count(e => (e.Kind == RegulatoryEventKind.Violation || e.Kind == RegulatoryEventKind.Fine || e.Kind == RegulatoryEventKind.Sanction)
                    && e.OccurredOn >= yearStart && e.OccurredOn <= yearEnd),
            })
            .ToListAsync(cancellationToken);
        var valid = licences.Count(l => l.IsValid);
        var byStatus = Enum.GetValues<ComplianceStatus>()
            .Select(s => new ObligationStatusFigure(s, groups.Where(g => !g.Licence && g.Status == s).Sum(g => g.Count))).ToList();
        return new ObligationFigures(groups.Sum(g => g.Count), licences.Count, valid, licences.Count(l => l.State == LicenceState.Expiring),
            licences.Count(l => l.State == LicenceState.Expired), licences.Count(l => l.State == LicenceState.NotYetValid), licences.Count(l => l.RenewalDue),
            licences.Count == 0 ? null : Math.Round(100.0 * valid / licences.Count, 1), byStatus, groups.Sum(g => g.Overdue),
            events.Sum(e => e.Violations), events.Where(e => e.Status == RegulatoryEventStatus.Open).Sum(e => e.Count), today);
    }

    /// <summary>The obligations in force that one control helps meet, for the control's page.</summary>
    public static Task<List<ObligationMet>> ForControlAsync(AttestDbContext db, Guid controlId, CancellationToken cancellationToken = default) =>
        db.ObligationControls.AsNoTracking().Where(l => l.ControlId == controlId)
            .Join(db.Obligations.Where(o => !o.Retired), l => l.ObligationId, o => o.Id, (l, o) => o)
            .OrderBy(o => o.Reference)
            .Select(o => new ObligationMet(o.Id, o.Reference, o.Title, o.Status))
            .ToListAsync(cancellationToken);

    public static bool IsReviewOverdue(DateOnly? reviewOn, bool retired, DateOnly today) => !retired && reviewOn is { } review && review < today;

    public static LicenceStanding? StandingOf(ObligationKind kind, DateOnly? validFrom, DateOnly? validUntil, int leadDays, DateOnly today) =>
        kind == ObligationKind.Licence ? LicenceValidity.On(today, validFrom, validUntil, leadDays) : null;

    private static async Task<ObligationPage> PageOfAsync(AttestDbContext db, IQueryable<Obligation> ordered, int page, int size, DateOnly today, CancellationToken cancellationToken)
    {
        var found = await Project(db, ordered).Skip((Math.Max(1, page) - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var more = found.Count > size;
        if (more) found.RemoveAt(size);
        return new ObligationPage(found.Select(r => r.ToRow(today)).ToList(), more, today);
    }

    private static IQueryable<Row> Project(AttestDbContext db, IQueryable<Obligation> obligations) =>
        obligations.Select(o => new Row(o.Id, o.Reference, o.Title, o.Kind, o.Source, o.Jurisdiction, o.OwnerId, db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            o.Clients, o.Status, o.StatusReason, o.AssessedOn, o.ReviewOn, o.Retired, o.HolderPersonId, o.Holder, o.IssuingBody, o.LicenceNumber, o.ValidFrom, o.ValidUntil,
            o.RenewalLeadDays,
            db.ObligationRequirements.Count(l => l.ObligationId == o.Id) + db.ObligationControls.Count(l => l.ObligationId == o.Id) + db.ObligationAssets.Count(l => l.ObligationId == o.Id),
            o.Version));

    private sealed record Row(Guid Id, string Reference, string Title, ObligationKind Kind, string Source, string Jurisdiction, Guid? OwnerId, string? OwnerName,
        string Clients, ComplianceStatus Status, string StatusReason, DateOnly? AssessedOn, DateOnly? ReviewOn, bool Retired, Guid? HolderPersonId, string Holder,
        string IssuingBody, string LicenceNumber, DateOnly? ValidFrom, DateOnly? ValidUntil, int RenewalLeadDays, int Links, int Version)
    {
        public ObligationRow ToRow(DateOnly today) => new(Id, Reference, Title, Kind, Source, Jurisdiction, OwnerId, OwnerName, Clients, Status, StatusReason, AssessedOn,
            ReviewOn, IsReviewOverdue(ReviewOn, Retired, today), Retired, HolderPersonId, Holder, IssuingBody, LicenceNumber, ValidFrom, ValidUntil, RenewalLeadDays,
            StandingOf(Kind, ValidFrom, ValidUntil, RenewalLeadDays, today), Links, Version);
    }
}

/// <summary>An obligation a control helps meet.</summary>
public sealed record ObligationMet(Guid Id, string Reference, string Title, ComplianceStatus Status);

/// <summary>An obligation's links as codes, for the export.</summary>
public sealed record ObligationExportLinks(string Requirements, string Controls, string Assets);
