using System.Globalization;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

/// <summary>Done out of assigned; the percentage is rounded down so that 99.6% never reads as everyone trained.</summary>
public sealed record CompletionRate(int Done, int Assigned)
{
    public int Percent => Assigned == 0 ? 0 : Done * 100 / Assigned;

    /// <summary>"completion 85% (17/20)" — the last line of <c>attest training status</c>, which scripts read.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent}% ({Done}/{Assigned})");
}

public sealed record CourseRate(Guid CourseId, string Reference, string Title, CompletionRate Rate, int Overdue);
public sealed record DepartmentRate(string Department, CompletionRate Rate, int Overdue);
public sealed record OverduePerson(Guid PersonId, string Name, string Email, string Department, string? Manager, int Courses, DateOnly OldestDueOn);
public sealed record JoinerFigure(int Trained, int Joiners, DateOnly From, DateOnly To)
{
    public int Percent => Joiners == 0 ? 0 : Trained * 100 / Joiners;
}

public sealed record TrainingFigureSet(DateOnly Today, CompletionRate Overall, IReadOnlyList<CourseRate> ByCourse, IReadOnlyList<DepartmentRate> ByDepartment,
    JoinerFigure Joiners, IReadOnlyList<OverduePerson> Overdue, int OverduePeople);

/// <summary>
/// The training figures. Each block is one query, grouped in the database, whatever the number of people.
/// </summary>
public static class TrainingFigures
{
    /// <summary>What "completion" means, shown on the page next to the figures.</summary>
    public const string CompletionDefinition =
        "Completion = done ÷ assigned, counting each assignment (one person, one course, one cycle) that is not cancelled and either was completed " +
        "in the last 12 months (done) or is open and due on or before today (not done). Open assignments not yet due are left out: " +
        "the person still has time. Percentages are rounded down.";

    public const string JoinerDefinition =
        "New joiners trained in their first week = people who started in the last 12 months (and whose first week is over) and who completed " +
        "every course of a joining rule (a rule due within 7 days) on or before day 7 — start date + 7 days; day 8 is too late — " +
        "÷ such joiners who had a joining course assigned.";

    public const int OverdueListSize = 50;
    public const int FirstWeekDays = 7;

    public static async Task<TrainingFigureSet> ComputeAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var today = TrainingDates.Today(db);
        var byCourse = await ByCourseAsync(db, today, cancellationToken);
        var overall = new CompletionRate(byCourse.Sum(c => c.Rate.Done), byCourse.Sum(c => c.Rate.Assigned));
        return new TrainingFigureSet(today, overall, byCourse, await ByDepartmentAsync(db, today, cancellationToken), await JoinersAsync(db, today, cancellationToken),
            await OverdueAsync(db, today, cancellationToken), await db.People.CountAsync(p => db.TrainingAssignments.Any(a => a.PersonId == p.Id && a.CompletedOn == null
                && a.CancelledOn == null && a.DueOn < today), cancellationToken));
    }

    /// <summary>
    /// The assignments the completion rate counts as the records stood at the end of <paramref name="day"/> (<see cref="CompletionDefinition"/>
    /// applied on that day): assigned by then and not cancelled by then; completed by then within the 12 months before (done), or due by
    /// then and not completed by then (not done). On today this is the training page's rate; on a past day, the rate as it was. The one
    /// rule the training page, readiness, the dashboard, the monthly report and the training.completion measure share.
    /// </summary>
    public static IQueryable<TrainingAssignment> Counted(AttestDbContext db, DateOnly day)
    {
        var yearAgo = day.AddMonths(-12);
        return db.TrainingAssignments.AsNoTracking()
            .Where(a => a.AssignedOn <= day && (a.CancelledOn == null || a.CancelledOn > day)
                && ((a.CompletedOn != null && a.CompletedOn <= day && a.CompletedOn > yearAgo) || ((a.CompletedOn == null || a.CompletedOn > day) && a.DueOn <= day)));
    }

    /// <summary>Of <see cref="Counted"/>, those done by the end of <paramref name="day"/>.</summary>
    public static IQueryable<TrainingAssignment> DoneBy(AttestDbContext db, DateOnly day) =>
        Counted(db, day).Where(a => a.CompletedOn != null && a.CompletedOn <= day);

    public static async Task<List<CourseRate>> ByCourseAsync(AttestDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var counted = Counted(db, today);
        var rows = await (from c in db.Courses.AsNoTracking()
                          orderby c.Reference
                          select new
                          {
                              c.Id, c.Reference, c.Title, c.Retired,
                              Assigned = counted.Count(a => a.CourseId == c.Id),
                              Done = counted.Count(a => a.CourseId == c.Id && a.CompletedOn != null),
                              Overdue = counted.Count(a => a.CourseId == c.Id && a.CompletedOn == null && a.DueOn < today),
                          }).ToListAsync(cancellationToken);
        return rows.Where(r => !r.Retired || r.Assigned > 0).Select(r => new CourseRate(r.Id, r.Reference, r.Title, new CompletionRate(r.Done, r.Assigned), r.Overdue)).ToList();
    }

    public static async Task<List<DepartmentRate>> ByDepartmentAsync(AttestDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await (from a in Counted(db, today)
                          join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                          group a by p.Department into g
                          select new
                          {
                              Department = g.Key,
                              Assigned = g.Count(),
                              Done = g.Count(a => a.CompletedOn != null),
                              Overdue = g.Count(a => a.CompletedOn == null && a.DueOn < today),
                          }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Department.Length == 0).ThenBy(r => r.Department, StringComparer.OrdinalIgnoreCase)
            .Select(r => new DepartmentRate(r.Department.Length == 0 ? "(no department)" : r.Department, new CompletionRate(r.Done, r.Assigned), r.Overdue)).ToList();
    }

    /// <summary>See <see cref="JoinerDefinition"/>. One query: the joiners' first-cycle assignments of joining rules.</summary>
    public static async Task<JoinerFigure> JoinersAsync(AttestDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var since = today.AddMonths(-12);
        // A joiner whose first week is not over yet cannot have missed it.
        var to = today.AddDays(-(FirstWeekDays + 1));
        var rows = await (from a in db.TrainingAssignments.AsNoTracking()
                          join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                          join r in db.TrainingRequirements.AsNoTracking() on a.RequirementId equals (Guid?)r.Id
                          where a.CancelledOn == null && p.StartDate != null && p.StartDate >= since && p.StartDate <= to && r.DueWithinDays <= FirstWeekDays
                          select new { a.PersonId, a.CourseId, StartDate = p.StartDate!.Value, a.DueOn, a.CompletedOn })
            .ToListAsync(cancellationToken);
        var joiners = rows.GroupBy(r => r.PersonId).ToList();
        // Each joining course's first cycle is the assignment due earliest; later ones are renewals.
        var trained = joiners.Count(j => j.GroupBy(r => r.CourseId).All(course =>
        {
            var first = course.MinBy(r => r.DueOn)!;
            return first.CompletedOn is { } done && done <= first.StartDate.AddDays(FirstWeekDays);
        }));
        return new JoinerFigure(trained, joiners.Count, since, to);
    }

    /// <summary>People with overdue training, the longest overdue first, with their manager and department.</summary>
    public static Task<List<OverduePerson>> OverdueAsync(AttestDbContext db, DateOnly today, CancellationToken cancellationToken = default, int take = OverdueListSize)
    {
        var overdue = db.TrainingAssignments.AsNoTracking().Where(a => a.CompletedOn == null && a.CancelledOn == null && a.DueOn < today);
        return (from p in db.People.AsNoTracking()
                where overdue.Any(a => a.PersonId == p.Id)
                let oldest = overdue.Where(a => a.PersonId == p.Id).Min(a => a.DueOn)
                orderby oldest, p.Name
                select new OverduePerson(p.Id, p.Name, p.Email, p.Department, db.People.Where(m => m.Id == p.ManagerId).Select(m => m.Name).FirstOrDefault(),
                    overdue.Count(a => a.PersonId == p.Id), oldest))
            .Take(take).ToListAsync(cancellationToken);
    }
}
