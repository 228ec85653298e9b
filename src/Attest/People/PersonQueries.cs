using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.People;

public sealed record PersonFilter(
    string? Search = null,
    PersonType? Type = null,
    string? Department = null,
    PersonStatus? Status = null,
    bool ScreeningOutstanding = false,
    bool NdaMissing = false,
    /// <summary>People who have left and still hold access in some system.</summary>
    bool LeftWithAccess = false);

public sealed record PersonRow(Guid Id, string Name, string Email, PersonType Type, string Department, string Role, string? Manager, DateOnly? StartDate,
    DateOnly? EndDate, PersonStatus Status, ScreeningStatus Screening, DateOnly? ConfidentialitySignedOn, PersonSource Source, bool HoldsAccess, int Version)
{
    public bool LeftWithAccess => Status == PersonStatus.Left && HoldsAccess;
}

/// <summary>Counts over the whole register (not the filter), for the page's summary.</summary>
public sealed record PeopleCounts(int Total, int Active, int Joining, int Left, int ScreeningOutstanding, int NdaMissing, int LeftWithAccess);

public sealed record PersonPage(IReadOnlyList<PersonRow> Rows, bool HasMore, int Total, PeopleCounts Counts);

public sealed record PersonChoice(Guid Id, string Name, string Email);

public sealed record PersonRef(Guid Id, string Name, string Role, PersonStatus Status);

public sealed record ChecklistItemView(Guid Id, int Position, string Title, string Responsible, DateOnly DueOn, bool VerifiesAccessRevoked, DateTimeOffset? CompletedAt,
    string CompletedBy, string Notes, bool Overdue, int Version);

public sealed record ChecklistView(Guid Id, ChecklistKind Kind, string Name, DateOnly AnchorDate, DateTimeOffset? CompletedAt, IReadOnlyList<ChecklistItemView> Items, int Version)
{
    public int Done => Items.Count(i => i.CompletedAt is not null);
    public int Overdue => Items.Count(i => i.Overdue);
}

public sealed record PersonDetail(
    Guid Id, string Name, string Email, PersonType Type, string Department, Guid? ManagerId, string? Manager, string Role, string Location, DateOnly? StartDate,
    DateOnly? EndDate, ScreeningStatus Screening, DateOnly? ScreenedOn, DateOnly? ConfidentialitySignedOn, string ConfidentialityTerms, Guid? UserId, string? UserEmail,
    bool Active, PersonSource Source, string? ExternalId, string? UserName, PersonStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<PersonRef> DirectReports, IReadOnlyList<string> Groups, IReadOnlyList<ChecklistView> Checklists, IReadOnlyList<HeldAccess> Access, int Version)
{
    public bool LeftWithAccess => Status == PersonStatus.Left && Access.Count > 0;
}

public sealed record DueItemRow(Guid PersonId, string Person, PersonStatus PersonStatus, Guid ChecklistId, ChecklistKind Kind, string Checklist, Guid ItemId, string Title,
    string Responsible, DateOnly DueOn, bool VerifiesAccessRevoked, bool Overdue, int Version);

public sealed record DueItemPage(IReadOnlyList<DueItemRow> Rows, bool HasMore, int Total, int Overdue);

/// <summary>Reading the register: a filtered page with its counts, one person whole, and the checklist items due across people.</summary>
public static class PersonQueries
{
    public const int PageSize = 50;

    private static IQueryable<Person> Filtered(AttestDbContext db, PersonFilter filter, DateOnly today)
    {
        var query = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.EmailKey.Contains(term));
        }
        if (filter.Type is { } type) query = query.Where(p => p.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.Department)) { var department = filter.Department.Trim(); query = query.Where(p => p.Department == department); }
        query = filter.Status switch
        {
            PersonStatus.Left => query.Where(p => !p.Active || (p.EndDate != null && p.EndDate < today)),
            PersonStatus.Joining => query.Where(p => p.Active && (p.EndDate == null || p.EndDate >= today) && p.StartDate != null && p.StartDate > today),
            PersonStatus.Active => query.Where(p => p.Active && (p.EndDate == null || p.EndDate >= today) && (p.StartDate == null || p.StartDate <= today)),
            _ => query,
        };
        if (filter.ScreeningOutstanding) query = query.Where(p => p.Screening == ScreeningStatus.NotStarted || p.Screening == ScreeningStatus.InProgress);
        if (filter.NdaMissing) query = query.Where(p => p.ConfidentialitySignedOn == null);
        if (filter.LeftWithAccess)
        {
            query = query.Where(p => (!p.Active || (p.EndDate != null && p.EndDate < today)) && db.AccessGrants.Any(g => g.PersonId == p.Id && g.RemovedOn == null));
        }
        return query;
    }

    /// <summary>One page of the filtered register by name, with the counts of the whole register: four queries whatever its size.</summary>
    public static async Task<PersonPage> PageAsync(AttestDbContext db, PersonFilter filter, int page, int size = PageSize, CancellationToken cancellationToken = default)
    {
        var today = PersonRules.Today(db);
        var query = Filtered(db, filter, today);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.EmailKey).Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .Select(p => new
            {
                p.Id, p.Name, p.Email, p.Type, p.Department, p.Role, Manager = db.People.Where(m => m.Id == p.ManagerId).Select(m => m.Name).FirstOrDefault(),
                p.StartDate, p.EndDate, p.Active, p.Screening, p.ConfidentialitySignedOn, p.Source,
                HoldsAccess = db.AccessGrants.Any(g => g.PersonId == p.Id && g.RemovedOn == null), p.Version,
            })
            .ToListAsync(cancellationToken);
        var views = rows.Take(size).Select(p => new PersonRow(p.Id, p.Name, p.Email, p.Type, p.Department, p.Role, p.Manager, p.StartDate, p.EndDate,
            PersonRules.StatusOf(p.Active, p.StartDate, p.EndDate, today), p.Screening, p.ConfidentialitySignedOn, p.Source, p.HoldsAccess, p.Version)).ToList();
        return new PersonPage(views, rows.Count > size, total, await CountsAsync(db, cancellationToken));
    }

    public static async Task<PeopleCounts> CountsAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = PersonRules.Today(db);
        var counts = await db.People.AsNoTracking().GroupBy(p => 1).Select(g => new
        {
            Total = g.Count(),
            Left = g.Count(p => !p.Active || (p.EndDate != null && p.EndDate < today)),
            Joining = g.Count(p => p.Active && (p.EndDate == null || p.EndDate >= today) && p.StartDate != null && p.StartDate > today),
            Screening = g.Count(p => p.Screening == ScreeningStatus.NotStarted || p.Screening == ScreeningStatus.InProgress),
            Nda = g.Count(p => p.ConfidentialitySignedOn == null),
        }).FirstOrDefaultAsync(cancellationToken);
        var leftWithAccess = await Filtered(db, new PersonFilter(LeftWithAccess: true), today).CountAsync(cancellationToken);
        if (counts is null) return new PeopleCounts(0, 0, 0, 0, 0, 0, 0);
        return new PeopleCounts(counts.Total, counts.Total - counts.Left - counts.Joining, counts.Joining, counts.Left, counts.Screening, counts.Nda, leftWithAccess);
    }

    public static Task<List<string>> DepartmentsAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking().Where(p => p.Department != "").Select(p => p.Department).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);

    /// <summary>A person with their manager, reports, groups, checklists and the access they hold; throws when not in this organization.</summary>
    public static async Task<PersonDetail> DetailAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var today = PersonRules.Today(db);
        var p = await db.People.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            Person = x,
            Manager = db.People.Where(m => m.Id == x.ManagerId).Select(m => m.Name).FirstOrDefault(),
            UserEmail = db.Users.Where(u => u.Id == x.UserId).Select(u => u.Email).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Person", id);
        var reports = (await db.People.AsNoTracking().Where(r => r.ManagerId == id).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.Role, r.Active, r.StartDate, r.EndDate }).ToListAsync(cancellationToken))
            .Select(r => new PersonRef(r.Id, r.Name, r.Role, PersonRules.StatusOf(r.Active, r.StartDate, r.EndDate, today))).ToList();
        var groups = await (from m in db.PersonGroupMembers.AsNoTracking()
                            join g in db.PersonGroups on m.GroupId equals g.Id
                            where m.PersonId == id
                            orderby g.DisplayName
                            select g.DisplayName).ToListAsync(cancellationToken);
        var checklists = await ChecklistsOfAsync(db, [id], today, cancellationToken);
        var access = await Checklists.HeldAccessAsync(db, id, cancellationToken);
        var x = p.Person;
        return new PersonDetail(x.Id, x.Name, x.Email, x.Type, x.Department, x.ManagerId, p.Manager, x.Role, x.Location, x.StartDate, x.EndDate, x.Screening, x.ScreenedOn,
            x.ConfidentialitySignedOn, x.ConfidentialityTerms, x.UserId, p.UserEmail, x.Active, x.Source, x.ExternalId, x.UserName,
            PersonRules.StatusOf(x.Active, x.StartDate, x.EndDate, today), x.CreatedAt, x.UpdatedAt, reports, groups, checklists, access, x.Version);
    }

    private static async Task<List<ChecklistView>> ChecklistsOfAsync(AttestDbContext db, List<Guid> personIds, DateOnly today, CancellationToken cancellationToken)
    {
        var lists = await db.PersonChecklists.AsNoTracking().Where(c => personIds.Contains(c.PersonId)).OrderBy(c => c.Kind).ThenBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var listIds = lists.Select(c => c.Id).ToList();
        var items = await db.PersonChecklistItems.AsNoTracking().Where(i => listIds.Contains(i.ChecklistId)).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        return lists.Select(c => new ChecklistView(c.Id, c.Kind, c.Name, c.AnchorDate, c.CompletedAt,
            items.Where(i => i.ChecklistId == c.Id).Select(i => new ChecklistItemView(i.Id, i.Position, i.Title, i.Responsible, i.DueOn, i.VerifiesAccessRevoked,
                i.CompletedAt, i.CompletedBy, i.Notes, i.CompletedAt is null && i.DueOn < today, i.Version)).ToList(), c.Version)).ToList();
    }

    /// <summary>
    /// Open checklist items across people, soonest first: overdue ones, and with <paramref name="withinDays"/> those due within that many days
    /// (all open ones when null). Two queries.
    /// </summary>
    public static async Task<DueItemPage> DueAsync(AttestDbContext db, int? withinDays, ChecklistKind? kind, int page, int size = PageSize, CancellationToken cancellationToken = default)
    {
        var today = PersonRules.Today(db);
        var query = from i in db.PersonChecklistItems.AsNoTracking()
                    join c in db.PersonChecklists on i.ChecklistId equals c.Id
                    join p in db.People on c.PersonId equals p.Id
                    where i.CompletedAt == null
                    select new { i, c, p };
        if (withinDays is { } days) { var until = today.AddDays(days); query = query.Where(x => x.i.DueOn <= until); }
        if (kind is { } wanted) query = query.Where(x => x.c.Kind == wanted);
        var totals = await query.GroupBy(x => 1).Select(g => new { Total = g.Count(), Overdue = g.Count(x => x.i.DueOn < today) }).FirstOrDefaultAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.i.DueOn).ThenBy(x => x.p.Name).ThenBy(x => x.i.Position).Skip((Math.Max(1, page) - 1) * size).Take(size + 1)
            .Select(x => new
            {
                PersonId = x.p.Id, Person = x.p.Name, x.p.Active, x.p.StartDate, x.p.EndDate, ChecklistId = x.c.Id, x.c.Kind, Checklist = x.c.Name, ItemId = x.i.Id, x.i.Title,
                x.i.Responsible, x.i.DueOn, x.i.VerifiesAccessRevoked, x.i.Version,
            })
            .ToListAsync(cancellationToken);
        return new DueItemPage(rows.Take(size).Select(r => new DueItemRow(r.PersonId, r.Person, PersonRules.StatusOf(r.Active, r.StartDate, r.EndDate, today), r.ChecklistId, r.Kind,
            r.Checklist, r.ItemId, r.Title, r.Responsible, r.DueOn, r.VerifiesAccessRevoked, r.DueOn < today, r.Version)).ToList(), rows.Count > size, totals?.Total ?? 0, totals?.Overdue ?? 0);
    }

    public sealed record TemplateRow(Guid Id, string Name, ChecklistKind Kind, PersonType? PersonType, int Items, int InUse, int Version);

    public static Task<List<TemplateRow>> TemplatesAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.PersonType == null ? 0 : 1).ThenBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.Kind, t.PersonType, db.ChecklistTemplateItems.Count(i => i.TemplateId == t.Id),
                db.PersonChecklists.Count(c => c.TemplateId == t.Id && c.CompletedAt == null), t.Version))
            .ToListAsync(cancellationToken);

    /// <summary>Every person as a choice (managers, links), by name: one narrow query.</summary>
    public static Task<List<PersonChoice>> ChoicesAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new PersonChoice(p.Id, p.Name, p.Email)).ToListAsync(cancellationToken);
}
