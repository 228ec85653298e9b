using Attest.Data;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

/// <summary>What a sync changed.</summary>
public sealed record TrainingSyncResult(int Created, int Completed, int Cancelled, int Rescheduled)
{
    public int Changes => Created + Completed + Cancelled + Rescheduled;
}

/// <summary>
/// Brings the assignments in line with the rules, the people and the completions. Each person has at most one open assignment per
/// course. The rules, in one place:
/// <list type="bullet">
/// <item>A rule requires its course of everyone its audience covers who has not left (<see cref="Person.HasLeftBy"/>).</item>
/// <item>The first due date is the later of the start date and the rule's <c>EffectiveFrom</c>, plus <c>DueWithinDays</c> (no start
/// date: <c>EffectiveFrom</c>). When several rules require the same course of a person, the one giving the earliest due date governs.</item>
/// <item>A completion satisfies an assignment when it falls within the assignment's cycle: for a course taken once, any completion; for
/// a renewed course, one after the due date minus the renewal period — so an LMS completion imported later still counts.</item>
/// <item>After a completion of a renewed course, the next assignment is due on the completion date plus <c>RenewEveryMonths</c>.</item>
/// <item>Open assignments of people who left, or whom no active rule covers any more (audience changed, rule removed or deactivated,
/// course retired), are cancelled.</item>
/// </list>
/// Running it twice changes nothing the second time. It runs when a rule or course is saved, when a completion is recorded or
/// imported, and on request (the "Refresh assignments" button, <c>POST /api/v1/training/sync</c>, <c>attest training sync</c>);
/// never on reading a page. It reads the organization in six queries whatever its size.
/// </summary>
public sealed class SyncTrainingAssignments(AttestDbContext db)
{
    /// <summary>Syncs every person's assignments and saves.</summary>
    public async Task<TrainingSyncResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await StageAsync(db, null, cancellationToken);
        await db.SaveAsync("training assignment", cancellationToken);
        return result;
    }

    private sealed record Rule(Guid Id, Guid CourseId, TrainingAudience Audience, string AudienceValue, int DueWithinDays, int? RenewEveryMonths, DateOnly EffectiveFrom);

    private sealed record LatestCompletion(Guid Id, DateOnly Date);

    /// <summary>
    /// Stages the changes for <paramref name="personIds"/> (null: everyone) without saving, so a use case that records a rule or a
    /// completion saves both together. Rules, courses and completions added or changed in this context but not yet saved are taken
    /// into account.
    /// </summary>
    internal static async Task<TrainingSyncResult> StageAsync(AttestDbContext db, IReadOnlyCollection<Guid>? personIds, CancellationToken cancellationToken)
    {
        var today = TrainingDates.Today(db);
        var ids = personIds?.Distinct().ToList();

        var retired = (await db.Courses.AsNoTracking().Where(c => c.Retired).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var course in db.Courses.Local)
        {
            if (course.Retired) retired.Add(course.Id);
            else retired.Remove(course.Id);
        }
        var stored = await db.TrainingRequirements.AsNoTracking().ToListAsync(cancellationToken);
        var tracked = db.TrainingRequirements.Local.ToDictionary(r => r.Id);
        var rules = stored.Where(r => !tracked.ContainsKey(r.Id)).Concat(tracked.Values)
            .Where(r => r.Active && !retired.Contains(r.CourseId))
            .Select(r => new Rule(r.Id, r.CourseId, r.Audience, r.AudienceValue, r.DueWithinDays, r.RenewEveryMonths, r.EffectiveFrom))
            .ToList();

        var peopleQuery = db.People.AsNoTracking();
        if (ids is not null) peopleQuery = peopleQuery.Where(p => ids.Contains(p.Id));
        var people = rules.Count == 0
            ? []
            : await peopleQuery.Select(p => new { p.Id, p.Department, p.Type, p.StartDate, p.EndDate, p.Active }).ToListAsync(cancellationToken);

        var groupNames = rules.Where(r => r.Audience == TrainingAudience.Group).Select(r => r.AudienceValue).Distinct().ToList();
        var groupMembers = new HashSet<(string Group, Guid Person)>();
        if (groupNames.Count > 0)
        {
            var membersQuery = from m in db.PersonGroupMembers.AsNoTracking()
                               join g in db.PersonGroups.AsNoTracking() on m.GroupId equals g.Id
                               where groupNames.Contains(g.DisplayName)
                               select new { g.DisplayName, m.PersonId };
            if (ids is not null) membersQuery = membersQuery.Where(m => ids.Contains(m.PersonId));
            foreach (var member in await membersQuery.ToListAsync(cancellationToken)) groupMembers.Add((member.DisplayName, member.PersonId));
        }

        // Each person's latest completion per course: no other completion of theirs is later (ties broken by when it was recorded).
        var completions = db.TrainingCompletions.AsNoTracking();
        if (ids is not null) completions = completions.Where(c => ids.Contains(c.PersonId));
        var latestRows = rules.Count == 0
            ? []
            : await completions
                .Where(c => !db.TrainingCompletions.Any(o => o.PersonId == c.PersonId && o.CourseId == c.CourseId
                    && (o.CompletedOn > c.CompletedOn || (o.CompletedOn == c.CompletedOn && o.RecordedAt > c.RecordedAt))))
                .Select(c => new { c.PersonId, c.CourseId, c.Id, c.CompletedOn })
                .ToListAsync(cancellationToken);
        var latest = new Dictionary<(Guid, Guid), LatestCompletion>();
        foreach (var row in latestRows) latest.TryAdd((row.PersonId, row.CourseId), new LatestCompletion(row.Id, row.CompletedOn));
        foreach (var added in db.ChangeTracker.Entries<TrainingCompletion>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            var key = (added.PersonId, added.CourseId);
            if (!latest.TryGetValue(key, out var known) || added.CompletedOn >= known.Date) latest[key] = new LatestCompletion(added.Id, added.CompletedOn);
        }

        var assignments = db.TrainingAssignments.Where(a => a.CompletedOn == null && a.CancelledOn == null);
        if (ids is not null) assignments = assignments.Where(a => ids.Contains(a.PersonId));
        var open = await assignments.ToListAsync(cancellationToken);

        var completedQuery = db.TrainingAssignments.AsNoTracking().Where(a => a.CompletedOn != null && a.CancelledOn == null);
        if (ids is not null) completedQuery = completedQuery.Where(a => ids.Contains(a.PersonId));
        var lastUsed = rules.Count == 0
            ? []
            : (await completedQuery.GroupBy(a => new { a.PersonId, a.CourseId })
                .Select(g => new { g.Key.PersonId, g.Key.CourseId, Used = g.Max(a => a.CompletedOn) })
                .ToListAsync(cancellationToken)).ToDictionary(r => (r.PersonId, r.CourseId), r => r.Used);

        // Which courses each person must take, with the governing rule's first due date and renewal.
        var required = new Dictionary<(Guid Person, Guid Course), (Rule Rule, DateOnly FirstDue)>();
        foreach (var person in people)
        {
            if (!person.Active || person.EndDate is { } end && end < today) continue;
            foreach (var rule in rules)
            {
                var covered = rule.Audience switch
                {
                    TrainingAudience.Everyone => true,
                    TrainingAudience.Department => string.Equals(person.Department.Trim(), rule.AudienceValue, StringComparison.OrdinalIgnoreCase),
                    TrainingAudience.Group => groupMembers.Contains((rule.AudienceValue, person.Id)),
                    TrainingAudience.PersonType => person.Type.ToString() == rule.AudienceValue,
                    _ => false,
                };
                if (!covered) continue;
                var from = person.StartDate is { } start && start > rule.EffectiveFrom ? start : rule.EffectiveFrom;
                var firstDue = from.AddDays(rule.DueWithinDays);
                var key = (person.Id, rule.CourseId);
                if (!required.TryGetValue(key, out var current) || firstDue < current.FirstDue) required[key] = (rule, firstDue);
            }
        }

        int created = 0, completed = 0, cancelled = 0, rescheduled = 0;
        var openByKey = new Dictionary<(Guid, Guid), TrainingAssignment>();
        foreach (var assignment in open.OrderBy(a => a.DueOn))
        {
            var key = (assignment.PersonId, assignment.CourseId);
            // One open assignment per person and course: a duplicate (two syncs racing) or one nothing requires any more is cancelled.
            if (!required.ContainsKey(key) || !openByKey.TryAdd(key, assignment))
            {
                assignment.CancelledOn = today;
                cancelled++;
            }
        }

        foreach (var ((personId, courseId), (rule, firstDue)) in required)
        {
            var renew = rule.RenewEveryMonths;
            latest.TryGetValue((personId, courseId), out var last);
            var hasCompletedRecord = lastUsed.TryGetValue((personId, courseId), out var usedOn);
            if (openByKey.TryGetValue((personId, courseId), out var current))
            {
                // A completion already counted for an earlier cycle never counts again (month ends make "due minus N months" inexact).
                if (last is not null && (!hasCompletedRecord || last.Date > usedOn) && Satisfies(last.Date, current.DueOn, renew))
                {
                    current.CompletionId = last.Id;
                    current.CompletedOn = last.Date;
                    completed++;
                    hasCompletedRecord = true;
                }
                else
                {
                    var expected = renew is { } months && last is not null ? Later(firstDue, last.Date.AddMonths(months)) : firstDue;
                    if (current.DueOn != expected)
                    {
                        current.DueOn = expected;
                        rescheduled++;
                    }
                    continue;
                }
            }

            if (last is null)
            {
                Add(db, personId, courseId, rule.Id, today, firstDue, null);
                created++;
                continue;
            }
            // A completion from before the assignments existed (imported history) is recorded against the first cycle it satisfies.
            if (!hasCompletedRecord && Satisfies(last.Date, firstDue, renew))
            {
                Add(db, personId, courseId, rule.Id, today, firstDue, last);
                created++;
            }
            if (renew is { } every)
            {
                Add(db, personId, courseId, rule.Id, today, Later(firstDue, last.Date.AddMonths(every)), null);
                created++;
            }
            else if (!Satisfies(last.Date, firstDue, renew))
            {
                Add(db, personId, courseId, rule.Id, today, firstDue, null);
                created++;
            }
        }
        return new TrainingSyncResult(created, completed, cancelled, rescheduled);
    }

    /// <summary>Whether a completion on <paramref name="completedOn"/> satisfies an assignment due <paramref name="dueOn"/>: within its cycle.</summary>
    public static bool Satisfies(DateOnly completedOn, DateOnly dueOn, int? renewEveryMonths) =>
        renewEveryMonths is not { } months || completedOn > dueOn.AddMonths(-months);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void Add(AttestDbContext db, Guid personId, Guid courseId, Guid ruleId, DateOnly today, DateOnly dueOn, LatestCompletion? completion) =>
        db.TrainingAssignments.Add(new TrainingAssignment
        {
            PersonId = personId, CourseId = courseId, RequirementId = ruleId, AssignedOn = today, DueOn = dueOn,
            CompletionId = completion?.Id, CompletedOn = completion?.Date,
        });
}
