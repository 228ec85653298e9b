using Attest.Data;
using Attest.Training;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives.Measures;

/// <summary>training.completion: the training page's completion rate, taken as at the end of the period.</summary>
public sealed class TrainingCompletion() : LiveMeasure("training.completion", "Training completion",
    "The completion rate of the training page taken as at the end of the period: of the assignments that existed by then and were not " +
    "cancelled by then, those due by the end of the period and not completed by then (not done), and those completed by then within the " +
    "12 months before (done). Open assignments not yet due are left out: the person still has time.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var day = asAt.Day;
        var counted = TrainingFigures.Counted(db, day);
        var done = TrainingFigures.DoneBy(db, day);
        var totals = await db.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId)
            .Select(_ => new { Assigned = counted.Count(), Done = done.Count() })
            .FirstOrDefaultAsync(cancellationToken);
        var result = MeasureResult.Percent(totals?.Done ?? 0, totals?.Assigned ?? 0, "training assignments");
        if (!withRecords) return Evaluation.Of(result);
        var missed = await counted.Where(a => a.CompletedOn == null || a.CompletedOn > day)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a, p.Name })
            .Join(db.Courses, x => x.a.CourseId, c => c.Id, (x, c) => new { x.a.PersonId, x.Name, x.a.DueOn, x.a.CompletedOn, c.Reference, c.Title })
            .OrderBy(x => x.DueOn).ThenBy(x => x.Name).ThenBy(x => x.Reference)
            .Take(RecordsShown)
            .ToListAsync(cancellationToken);
        var records = missed.Select(x => new MeasureRecord(x.Reference, $"{x.Name}: {x.Title}",
            $"due {Day(x.DueOn)}, not completed by {Day(day)}" + (x.CompletedOn is { } done ? $" (completed {Day(done)})" : ""),
            $"/people/{x.PersonId}")).ToList();
        return new Evaluation(result, records);
    }
}

/// <summary>training.joiners-first-week: joiners of the period who completed their joining courses within 7 days of starting.</summary>
public sealed class JoinersTrainedFirstWeek() : LiveMeasure("training.joiners-first-week", "Joiners trained in their first week",
    "People whose start date falls in the period and who had a joining course assigned (a rule due within 7 days of joining), counting " +
    "those who completed every joining course — its first cycle — on or before day 7 (start date + 7 days; day 8 is too late). A joiner " +
    "still within their first week when the value is taken, and not yet trained, is left out until the week is over.",
    MeasureUnit.Percent, MeasureDirection.HigherIsBetter, TargetComparison.EqualTo, 100m)
{
    protected override async Task<Evaluation> EvaluateAsync(AttestDbContext db, AsAt asAt, bool withRecords, CancellationToken cancellationToken)
    {
        var (start, end, week) = (asAt.Period.Start, asAt.Period.End, TrainingFigures.FirstWeekDays);
        var rows = await (from a in db.TrainingAssignments.AsNoTracking()
                          join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                          join r in db.TrainingRequirements.AsNoTracking() on a.RequirementId equals (Guid?)r.Id
                          join c in db.Courses.AsNoTracking() on a.CourseId equals c.Id
                          where a.CancelledOn == null && p.StartDate != null && p.StartDate >= start && p.StartDate <= end && r.DueWithinDays <= week
                          select new { a.PersonId, p.Name, p.Email, StartDate = p.StartDate!.Value, a.CourseId, c.Reference, a.DueOn, a.CompletedOn })
            .ToListAsync(cancellationToken);
        var joiners = rows.GroupBy(r => r.PersonId).Select(j =>
        {
            // Each joining course's first cycle is the assignment due earliest; later ones are renewals.
            var firsts = j.GroupBy(r => r.CourseId).Select(course => course.MinBy(r => r.DueOn)!).OrderBy(r => r.Reference, StringComparer.Ordinal).ToList();
            var deadline = firsts[0].StartDate.AddDays(week);
            var late = firsts.Where(r => r.CompletedOn is not { } done || done > deadline).ToList();
            return new { j.Key, firsts[0].Name, firsts[0].Email, firsts[0].StartDate, Deadline = deadline, Late = late };
        })
            // Not trained yet but still in the first week: not judged yet.
            .Where(j => j.Late.Count == 0 || j.Deadline < asAt.Today)
            .ToList();
        var result = MeasureResult.Percent(joiners.Count(j => j.Late.Count == 0), joiners.Count, "joiners");
        var records = joiners.Where(j => j.Late.Count > 0).OrderBy(j => j.StartDate).ThenBy(j => j.Name).Take(RecordsShown)
            .Select(j => new MeasureRecord(j.Email, j.Name, $"started {Day(j.StartDate)}; " + string.Join(", ", j.Late.Select(r => r.CompletedOn is { } done
                ? $"{r.Reference} completed on day {done.DayNumber - j.StartDate.DayNumber}"
                : $"{r.Reference} not completed")), $"/people/{j.Key}"))
            .ToList();
        return new Evaluation(result, records);
    }
}
