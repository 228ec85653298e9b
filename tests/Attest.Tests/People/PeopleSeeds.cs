using Attest.Organizations;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.People;

public static class PeopleSeeds
{
    public sealed record SeededPeople(Guid ManagerId, Guid PersonId, Guid TemplateId, Guid ChecklistItemId);

    /// <summary>The default checklist templates, a manager, and a joiner starting today (so with an onboarding checklist) reporting to them.</summary>
    public static Task<SeededPeople> AddPeopleAsync(this TestApp app, TestOrganization organization, string prefix = "") =>
        app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            await s.GetRequiredService<CreateDefaultChecklistTemplates>().RunAsync();
            var save = s.GetRequiredService<SavePerson>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var manager = await save.RunAsync(null, new PersonInput($"{prefix}Maria Manager", $"maria.{Guid.NewGuid():N}@test.example", Department: "Engineering",
                StartDate: today.AddYears(-2), Screening: ScreeningStatus.Passed, ScreenedOn: today.AddYears(-2), ConfidentialitySignedOn: today.AddYears(-2)));
            var person = await save.RunAsync(null, new PersonInput($"{prefix}Jonas Joiner", $"jonas.{Guid.NewGuid():N}@test.example", Department: "Engineering",
                ManagerId: manager, StartDate: today));
            var template = await db.ChecklistTemplates.Where(t => t.Kind == ChecklistKind.Onboarding && t.PersonType == null).Select(t => t.Id).SingleAsync();
            var item = await db.PersonChecklistItems.Where(i => db.PersonChecklists.Any(c => c.Id == i.ChecklistId && c.PersonId == person)).OrderBy(i => i.Position)
                .Select(i => i.Id).FirstAsync();
            return new SeededPeople(manager, person, template, item);
        });
}
