using Attest.Demo;
using Attest.People;
using Attest.Tests.Support;
using Attest.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoTrainingTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoProgramme_IsPartWayThrough_WithOverduePeople_JoinersMostlyTrained_AndAQuizForTheEmployee(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);

        var figures = await app.WithCoreAsync(organizationId, (_, db) => TrainingFigures.ComputeAsync(db));
        var courses = await app.WithCoreAsync(organizationId, (_, db) => TrainingQueries.CoursesAsync(db));
        var employeeCourses = await app.WithCoreAsync(organizationId, async (_, db) =>
        {
            var key = PersonLookup.KeyOf($"employee@{LoadDemoOrganization.EmailDomain}");
            var person = await db.People.Where(p => p.EmailKey == key).Select(p => p.Id).SingleAsync();
            return (await TrainingQueries.MineAsync(db, person)).Assignments.Where(a => a.CompletedOn == null && a.Quizzed).Select(a => a.Title).ToList();
        });
        var resync = await app.WithCoreAsync(organizationId, (s, _) => s.GetRequiredService<SyncTrainingAssignments>().RunAsync());

        Assert.Equal([DemoTraining.Awareness, DemoTraining.ResponsibleAi, DemoTraining.SecureDevelopment, DemoTraining.Phishing], courses.Select(c => c.Title));
        Assert.InRange(figures.Overall.Percent, 70, 97);
        Assert.True(figures.Overall.Assigned > 150, $"only {figures.Overall.Assigned} assignments counted");
        Assert.InRange(figures.OverduePeople, 3, 40);
        Assert.All(figures.Overdue, p => Assert.NotEqual("", p.Department));
        Assert.Contains(figures.Overdue, p => p.Manager is not null);
        Assert.True(figures.ByDepartment.Count >= 8);
        Assert.True(figures.Joiners.Trained >= 2 && figures.Joiners.Trained < figures.Joiners.Joiners, $"joiners {figures.Joiners.Trained}/{figures.Joiners.Joiners}");
        Assert.Contains(DemoTraining.ResponsibleAi, employeeCourses);
        Assert.Equal(0, resync.Changes);
    }
}
