using System.Text;
using Attest.Data;
using Attest.People;
using Attest.Tests.Support;
using Attest.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Training;

/// <summary>The training rules, the quiz, the import and the figures, on both databases.</summary>
public sealed class TrainingTests
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<Guid> AddPersonAsync(TestApp app, TestOrganization organization, string name, string department = "Engineering", DateOnly? start = null,
        DateOnly? end = null, PersonType type = PersonType.Employee, Guid? managerId = null, string? email = null) =>
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            email ??= name.ToLowerInvariant().Replace(' ', '.') + "@lumen.test";
            var person = new Person
            {
                Name = name, Email = email, EmailKey = PersonLookup.KeyOf(email), Department = department, StartDate = start, EndDate = end, Type = type, ManagerId = managerId,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

    private static Task<Guid> AddCourseAsync(TestApp app, TestOrganization organization, string title, int? passingScore = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveCourse>().RunAsync(null, new CourseInput(title, "About " + title, Content: "Read this.",
            PassingScore: passingScore)));

    private static Task<Guid> AddRuleAsync(TestApp app, TestOrganization organization, Guid course, TrainingAudience audience = TrainingAudience.Everyone, string? value = null,
        int days = 7, int? renew = null, DateOnly? from = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveTrainingRequirement>().RunAsync(null,
            new TrainingRequirementInput(course, "Rule for " + audience, audience, value, days, renew, true, from)));

    private static Task<List<TrainingAssignment>> AssignmentsAsync(TestApp app, TestOrganization organization, Guid person) =>
        app.WithCoreAsync(organization.Id, (_, db) => db.TrainingAssignments.AsNoTracking().Where(a => a.PersonId == person).OrderBy(a => a.DueOn).ToListAsync());

    private static Task<Guid> CompleteAsync(TestApp app, TestOrganization organization, Guid person, Guid course, DateOnly on, int? score = null) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<RecordTrainingCompletion>().RunAsync(new CompletionInput(person, null, course, on, score)));

    private static Task<TrainingSyncResult> SyncAsync(TestApp app, TestOrganization organization) =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SyncTrainingAssignments>().RunAsync());

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AJoiner_IsDueWithinTheRulesDaysOfStarting_AndSomeoneAlreadyThere_WithinTheDaysOfTheRuleStarting(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ruleStart = Today.AddDays(-30);
        var joiner = await AddPersonAsync(app, organization, "June Joiner", start: Today.AddDays(-2));
        var veteran = await AddPersonAsync(app, organization, "Vera Veteran", start: new DateOnly(2019, 5, 1));
        var undated = await AddPersonAsync(app, organization, "Una Undated");
        var course = await AddCourseAsync(app, organization, "Security awareness essentials");

        await AddRuleAsync(app, organization, course, days: 7, renew: 12, from: ruleStart);
        var again = await SyncAsync(app, organization);

        Assert.Equal(Today.AddDays(5), Assert.Single(await AssignmentsAsync(app, organization, joiner)).DueOn);
        Assert.Equal(ruleStart.AddDays(7), Assert.Single(await AssignmentsAsync(app, organization, veteran)).DueOn);
        Assert.Equal(ruleStart.AddDays(7), Assert.Single(await AssignmentsAsync(app, organization, undated)).DueOn);
        Assert.Equal(0, again.Changes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACompletion_CompletesTheOpenAssignment_AndAYearlyCourseIsDueAgainTwelveMonthsLater(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var person = await AddPersonAsync(app, organization, "Rita Renewal", start: Today.AddDays(-60));
        var once = await AddPersonAsync(app, organization, "Otto Once", start: Today.AddDays(-60));
        var yearly = await AddCourseAsync(app, organization, "Yearly");
        var onceCourse = await AddCourseAsync(app, organization, "Once only");
        await AddRuleAsync(app, organization, yearly, days: 30, renew: 12, from: Today.AddDays(-90));
        await AddRuleAsync(app, organization, onceCourse, TrainingAudience.Department, "engineering", days: 30, from: Today.AddDays(-90));

        var completedOn = Today.AddDays(-3);
        await CompleteAsync(app, organization, person, yearly, completedOn, 90);
        await CompleteAsync(app, organization, once, onceCourse, completedOn);
        var again = await SyncAsync(app, organization);

        var assignments = (await AssignmentsAsync(app, organization, person)).Where(a => a.CourseId == yearly).ToList();
        Assert.Equal(2, assignments.Count);
        Assert.Equal((Today.AddDays(-30), completedOn), (assignments[0].DueOn, assignments[0].CompletedOn));
        Assert.NotNull(assignments[0].CompletionId);
        Assert.Equal((completedOn.AddMonths(12), (DateOnly?)null), (assignments[1].DueOn, assignments[1].CompletedOn));
        // A course taken once is done for good: nothing new is assigned.
        var onceAssignments = (await AssignmentsAsync(app, organization, once)).Where(a => a.CourseId == onceCourse).ToList();
        Assert.Equal(completedOn, Assert.Single(onceAssignments).CompletedOn);
        Assert.Equal(0, again.Changes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HistoryImportedBeforeTheRule_SatisfiesTheCycleItFallsIn_ButATooOldCompletionDoesNot(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var recent = await AddPersonAsync(app, organization, "Rhea Recent", start: new DateOnly(2020, 1, 6));
        var stale = await AddPersonAsync(app, organization, "Stan Stale", start: new DateOnly(2020, 1, 6));
        var course = await AddCourseAsync(app, organization, "Yearly awareness");
        await CompleteAsync(app, organization, recent, course, Today.AddMonths(-2));
        await CompleteAsync(app, organization, stale, course, Today.AddMonths(-14));

        await AddRuleAsync(app, organization, course, days: 14, renew: 12, from: Today);

        var recentAssignments = await AssignmentsAsync(app, organization, recent);
        Assert.Equal(2, recentAssignments.Count);
        Assert.Equal(Today.AddMonths(-2), recentAssignments[0].CompletedOn);
        Assert.Equal(Today.AddMonths(-2).AddMonths(12), recentAssignments[1].DueOn);
        var staleAssignment = Assert.Single(await AssignmentsAsync(app, organization, stale));
        Assert.Equal((Today.AddDays(14), (DateOnly?)null), (staleAssignment.DueOn, staleAssignment.CompletedOn));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LeaversAndPeopleWhoLeftTheAudience_HaveTheirOpenAssignmentsCancelled_AndGetNoNewOnes(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var leaver = await AddPersonAsync(app, organization, "Leo Leaver", start: Today.AddDays(-200));
        var mover = await AddPersonAsync(app, organization, "Mo Mover", start: Today.AddDays(-200));
        var gone = await AddPersonAsync(app, organization, "Gil Gone", start: Today.AddDays(-400), end: Today.AddDays(-10));
        var course = await AddCourseAsync(app, organization, "Secure development and AI safety");
        var group = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var g = new PersonGroup { DisplayName = "Engineering" };
            db.PersonGroups.Add(g);
            db.PersonGroupMembers.AddRange(new PersonGroupMember { GroupId = g.Id, PersonId = leaver }, new PersonGroupMember { GroupId = g.Id, PersonId = mover },
                new PersonGroupMember { GroupId = g.Id, PersonId = gone });
            await db.SaveChangesAsync();
            return g.Id;
        });
        await AddRuleAsync(app, organization, course, TrainingAudience.Group, "Engineering", days: 30);
        Assert.Single(await AssignmentsAsync(app, organization, leaver));
        Assert.Empty(await AssignmentsAsync(app, organization, gone));

        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            (await db.People.SingleAsync(p => p.Id == leaver)).EndDate = Today.AddDays(-1);
            db.PersonGroupMembers.Remove(await db.PersonGroupMembers.SingleAsync(m => m.PersonId == mover && m.GroupId == group));
            await db.SaveChangesAsync();
        });
        var result = await SyncAsync(app, organization);

        Assert.Equal(2, result.Cancelled);
        Assert.Equal(Today, Assert.Single(await AssignmentsAsync(app, organization, leaver)).CancelledOn);
        Assert.Equal(Today, Assert.Single(await AssignmentsAsync(app, organization, mover)).CancelledOn);
        Assert.Equal(0, (await SyncAsync(app, organization)).Changes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheQuiz_IsScoredWithoutRounding_AFailIsKeptAsAnAttempt_AndAPassCompletesTheCourse(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var training = await app.AddTrainingAsync(organization);
        var employee = organization[Organizations.OrganizationRole.Employee];
        Task<QuizResult> SubmitAsync(params int?[] answers) => app.WithCoreAsync(organization.Id, (s, db) =>
        {
            db.Acting.IdentifyUser(employee.UserId, employee.Email, Attest.Audit.AuditChannel.Ui);
            return s.GetRequiredService<SubmitQuizAnswers>().RunAsync(training.CourseId, answers);
        });

        var unanswered = await Assert.ThrowsAsync<ValidationFailedException>(() => SubmitAsync(1, null));
        var failed = await SubmitAsync(0, 0);
        var passed = await SubmitAsync(1, 0);

        Assert.Equal("choose an answer.", Assert.Single(unanswered.Errors["Question 2"]));
        Assert.Equal((1, 50, false, (DateOnly?)null), (failed.Correct, failed.Score, failed.Passed, failed.CompletedOn));
        Assert.Equal((2, 100, true, (DateOnly?)Today), (passed.Correct, passed.Score, passed.Passed, passed.CompletedOn));
        Assert.Equal(66, Quiz.ScoreOf(2, 3));
        await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var person = await db.People.Where(p => p.EmailKey == PersonLookup.KeyOf(employee.Email)).Select(p => p.Id).SingleAsync();
            Assert.Equal(2, await db.QuizAttempts.CountAsync(a => a.PersonId == person));
            var completion = await db.TrainingCompletions.SingleAsync(c => c.PersonId == person);
            Assert.Equal((CompletionSource.Attest, (int?)100), (completion.Source, completion.Score));
            var assignments = await db.TrainingAssignments.Where(a => a.PersonId == person).OrderBy(a => a.DueOn).ToListAsync();
            Assert.Equal(completion.Id, assignments[0].CompletionId);
            Assert.Equal(Today.AddMonths(12), assignments[1].DueOn);
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheImport_IsAllOrNothing_NamesRowAndColumn_AndReimportingAddsNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var ana = await AddPersonAsync(app, organization, "Ana Lyst", email: "ana@lumen.test");
        await AddPersonAsync(app, organization, "Ben Dev", email: "ben@lumen.test");
        var course = await AddCourseAsync(app, organization, "Phishing refresher");
        await AddRuleAsync(app, organization, course, days: 30, renew: 12, from: Today.AddDays(-60));
        Task<CompletionImportResult> ImportAsync(string csv) => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<ImportTrainingCompletions>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "lms-export.csv"));
        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd");

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync($"""
            Record ID,User Email,Course Title,Completion Date,Score
            A1,ANA@lumen.test,Phishing refresher,{yesterday},85%
            A2,nobody@lumen.test,Phishing refresher,{yesterday},90
            A3,ben@lumen.test,Kitchen safety,03/04/2025,abc
            """));
        var countAfterBad = await app.WithCoreAsync(organization.Id, (_, db) => db.TrainingCompletions.CountAsync());
        var good = $"""
            Record ID,User Email,Course Title,Completion Date,Score
            A1,ANA@lumen.test,Phishing refresher,{yesterday},85%
            A2,ben@lumen.test,TRN-01,{yesterday}T10:30:00Z,
            """;
        var first = await ImportAsync(good);
        var second = await ImportAsync(good);

        Assert.Equal(
            [
                "row 3, column User Email: no person has the e-mail nobody@lumen.test in this organization.",
                "row 4, column Course Title: 'Kitchen safety' is neither the reference nor the title of a course here.",
                "row 4, column Completion Date: '03/04/2025' is not a date; use YYYY-MM-DD.",
                "row 4, column Score: 'abc' is not a score; use a percentage from 0 to 100.",
            ], bad.Errors["File"]);
        Assert.Equal(0, countAfterBad);
        Assert.Equal((2, 0), (first.Added, first.AlreadyRecorded));
        Assert.Equal((0, 2), (second.Added, second.AlreadyRecorded));
        var assignments = await AssignmentsAsync(app, organization, ana);
        Assert.Equal(Today.AddDays(-1), assignments[0].CompletedOn);
        Assert.Equal(85, await app.WithCoreAsync(organization.Id, (_, db) => db.TrainingCompletions.Where(c => c.PersonId == ana).Select(c => c.Score).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AJoinerCountsAsTrainedInTheFirstWeek_WhenDaySevenIsTheLastDay_AndDayEightIsTooLate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var start = Today.AddDays(-30);
        var onDay7 = await AddPersonAsync(app, organization, "Seven Day", start: start);
        var onDay8 = await AddPersonAsync(app, organization, "Eight Day", start: start);
        var never = await AddPersonAsync(app, organization, "Never Trained", start: start);
        await AddPersonAsync(app, organization, "Still First Week", start: Today.AddDays(-3));
        await AddPersonAsync(app, organization, "Old Timer", start: Today.AddYears(-3));
        var joining = await AddCourseAsync(app, organization, "Security awareness essentials");
        var later = await AddCourseAsync(app, organization, "Responsible AI use");
        await AddRuleAsync(app, organization, joining, days: 7, renew: 12, from: Today.AddYears(-2));
        await AddRuleAsync(app, organization, later, days: 30, from: Today.AddYears(-2));

        await CompleteAsync(app, organization, onDay7, joining, start.AddDays(7));
        await CompleteAsync(app, organization, onDay8, joining, start.AddDays(8));
        await CompleteAsync(app, organization, never, later, start.AddDays(2));
        var figure = await app.WithCoreAsync(organization.Id, (_, db) => TrainingFigures.JoinersAsync(db, Today));

        // Joiners whose first week is over: the three who started 30 days ago (not the one in their first week, not the old timer).
        Assert.Equal((1, 3), (figure.Trained, figure.Joiners));
        Assert.Equal(33, figure.Percent);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheFigures_CountDoneOverAssignedByCourseAndDepartment_AndListOverduePeopleWithTheirManager(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var boss = await AddPersonAsync(app, organization, "Bea Boss", "Management", start: Today.AddYears(-5));
        var eng1 = await AddPersonAsync(app, organization, "Eli Eng", "Engineering", start: Today.AddYears(-1), managerId: boss);
        var eng2 = await AddPersonAsync(app, organization, "Eva Eng", "Engineering", start: Today.AddYears(-1), managerId: boss);
        await AddPersonAsync(app, organization, "Nia New", "Sales", start: Today.AddDays(-1));
        var awareness = await AddCourseAsync(app, organization, "Awareness");
        var secure = await AddCourseAsync(app, organization, "Secure development");
        await AddRuleAsync(app, organization, awareness, days: 10, renew: 12, from: Today.AddDays(-100));
        await AddRuleAsync(app, organization, secure, TrainingAudience.Department, "Engineering", days: 10, from: Today.AddDays(-100));
        await CompleteAsync(app, organization, boss, awareness, Today.AddDays(-20));
        await CompleteAsync(app, organization, eng1, awareness, Today.AddDays(-20));
        await CompleteAsync(app, organization, eng1, secure, Today.AddDays(-20));

        var figures = await app.WithCoreAsync(organization.Id, (_, db) => TrainingFigures.ComputeAsync(db));

        // Awareness: boss and Eli done, Eva overdue (Nia's is not due yet: left out). Secure development: Eli done, Eva overdue.
        Assert.Equal(new CompletionRate(3, 5), figures.Overall);
        Assert.Equal(60, figures.Overall.Percent);
        Assert.Equal([("TRN-01", 2, 3, 1), ("TRN-02", 1, 2, 1)], figures.ByCourse.Select(c => (c.Reference, c.Rate.Done, c.Rate.Assigned, c.Overdue)));
        Assert.Equal([("Engineering", 2, 4), ("Management", 1, 1)], figures.ByDepartment.Select(d => (d.Department, d.Rate.Done, d.Rate.Assigned)));
        var overdue = Assert.Single(figures.Overdue);
        Assert.Equal((eng2, "Bea Boss", "Engineering", 2, Today.AddDays(-90)), (overdue.PersonId, overdue.Manager, overdue.Department, overdue.Courses, overdue.OldestDueOn));
        Assert.Equal(1, figures.OverduePeople);
        Assert.Equal("60% (3/5)", figures.Overall.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CoursesAndRules_RefuseBadInput_NamingTheField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var noQuiz = await AddCourseAsync(app, organization, "No quiz");

        var course = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveCourse>().RunAsync(null, new CourseInput("", ContentUrl: "ftp://x", DurationMinutes: 0, PassingScore: 120))));
        var question = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveQuizQuestion>().RunAsync(noQuiz, null, new QuizQuestionInput("Q", "only one", 2))));
        var rule = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveTrainingRequirement>().RunAsync(null, new TrainingRequirementInput(noQuiz, "R", TrainingAudience.Group, "Nobody's group", -1, 0))));

        Assert.Equal(["ContentUrl", "DurationMinutes", "PassingScore", "Title"], course.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Options", "PassingScore"], question.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["AudienceValue", "DueWithinDays", "RenewEveryMonths"], rule.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
