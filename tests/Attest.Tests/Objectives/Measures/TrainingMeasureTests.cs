using Attest.Objectives;
using Attest.People;
using Attest.Tests.Support;
using Attest.Training;

namespace Attest.Tests.Objectives.Measures;

public sealed class TrainingMeasureTests
{
    private static readonly MeasurePeriod October = MeasurePeriod.Month(new DateOnly(2026, 10, 1), TimeZoneInfo.Utc);

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Completion_AndJoinersTrainedInTheirFirstWeek_AreTakenAsAtTheEndOfTheMonth(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ids = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            Person Person(string name, DateOnly start)
            {
                var email = name.ToLowerInvariant().Replace(' ', '.') + "@lumen.example";
                var person = new Person { Name = name, Email = email, EmailKey = PersonLookup.KeyOf(email), StartDate = start };
                db.People.Add(person);
                return person;
            }
            var awareness = new Course { Reference = "TRN-01", Title = "Security awareness" };
            var secureCoding = new Course { Reference = "TRN-02", Title = "Secure coding" };
            db.Courses.AddRange(awareness, secureCoding);
            var joining = new TrainingRequirement { CourseId = awareness.Id, Name = "Joiners", DueWithinDays = 7, EffectiveFrom = D(1, 1) };
            var engineers = new TrainingRequirement { CourseId = secureCoding.Id, Name = "Engineers", DueWithinDays = 30, EffectiveFrom = D(1, 1) };
            db.TrainingRequirements.AddRange(joining, engineers);
            var olu = Person("Olu Owner", D(1, 8, 2024));
            void Assign(Person person, Course course, TrainingRequirement? rule, DateOnly assigned, DateOnly due, DateOnly? completed = null, DateOnly? cancelled = null) =>
                db.TrainingAssignments.Add(new TrainingAssignment
                {
                    PersonId = person.Id, CourseId = course.Id, RequirementId = rule?.Id, AssignedOn = assigned, DueOn = due, CompletedOn = completed, CancelledOn = cancelled,
                });
            Assign(olu, secureCoding, engineers, D(9, 10), D(10, 10), D(10, 5));           // done
            Assign(olu, secureCoding, null, D(9, 20), D(10, 20), D(11, 3));                // completed after the month: not done by then
            Assign(olu, awareness, null, D(9, 25), D(10, 25));                             // not done
            Assign(olu, awareness, null, D(10, 15), D(11, 15));                            // not due yet: left out
            Assign(olu, awareness, null, D(8, 1), D(9, 1), D(8, 30));                      // done within the year
            Assign(olu, secureCoding, null, D(8, 1), D(9, 20), cancelled: D(10, 1));       // cancelled: left out
            Assign(olu, secureCoding, null, D(11, 2), D(10, 30));                          // assigned after the month: left out
            Assign(olu, awareness, null, D(8, 1, 2025), D(9, 1, 2025), D(9, 1, 2025));     // completed over a year before: left out

            var ana = Person("Ana Early", D(10, 5));
            Assign(ana, awareness, joining, D(10, 5), D(10, 12), D(10, 12));               // day 7: in time
            var eli = Person("Eli Late", D(10, 6));
            Assign(eli, awareness, joining, D(10, 6), D(10, 13), D(10, 14));               // day 8: too late
            var casey = Person("Casey None", D(10, 7));
            Assign(casey, awareness, joining, D(10, 7), D(10, 14));                        // never
            var sam = Person("Sam September", D(9, 20));
            Assign(sam, awareness, joining, D(9, 20), D(9, 27));                           // joined in September
            var noa = Person("Noa Engineer", D(10, 10));
            Assign(noa, secureCoding, engineers, D(10, 10), D(11, 9));                     // no joining rule: not a joiner of the measure
            await db.SaveChangesAsync();
            return (Olu: olu.Id, Eli: eli.Id, Casey: casey.Id, Sam: sam.Id);
        });

        var (completion, completionBehind, joiners, joinersBehind) = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var c = MeasureLibrary.Find("training.completion")!;
            var j = MeasureLibrary.Find("training.joiners-first-week")!;
            return (await c.ComputeAsync(db, October, CancellationToken.None), await c.RecordsBehindAsync(db, October, CancellationToken.None),
                await j.ComputeAsync(db, October, CancellationToken.None), await j.RecordsBehindAsync(db, October, CancellationToken.None));
        });

        // Counted: Olu's two done, one completed after the month and one open; Ana and Eli done (Eli late, but done); Casey and Sam open.
        Assert.Equal((50m, "4 of 8 training assignments"), (completion.Value, completion.Detail));
        Assert.Equal([
            ("TRN-01", "Sam September: Security awareness", "due 2026-09-27, not completed by 2026-10-31", $"/people/{ids.Sam}"),
            ("TRN-01", "Casey None: Security awareness", "due 2026-10-14, not completed by 2026-10-31", $"/people/{ids.Casey}"),
            ("TRN-02", "Olu Owner: Secure coding", "due 2026-10-20, not completed by 2026-10-31 (completed 2026-11-03)", $"/people/{ids.Olu}"),
            ("TRN-01", "Olu Owner: Security awareness", "due 2026-10-25, not completed by 2026-10-31", $"/people/{ids.Olu}"),
        ], completionBehind.Select(r => (r.Reference, r.Title, r.Reason, r.Path)));

        Assert.Equal((33.3m, "1 of 3 joiners"), (joiners.Value, joiners.Detail));
        Assert.Equal([
            ("eli.late@lumen.example", "Eli Late", "started 2026-10-06; TRN-01 completed on day 8", $"/people/{ids.Eli}"),
            ("casey.none@lumen.example", "Casey None", "started 2026-10-07; TRN-01 not completed", $"/people/{ids.Casey}"),
        ], joinersBehind.Select(r => (r.Reference, r.Title, r.Reason, r.Path)));

        var august = await app.WithCoreAsync(organization.Id, (_, db) =>
            MeasureLibrary.Find("training.joiners-first-week")!.ComputeAsync(db, MeasurePeriod.Month(new DateOnly(2026, 8, 1), TimeZoneInfo.Utc), CancellationToken.None));
        Assert.Equal(((decimal?)null, "no joiners"), (august.Value, august.Detail));
    }
}
