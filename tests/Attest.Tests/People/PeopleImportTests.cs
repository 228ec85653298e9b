using System.Text;
using Attest.People;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.People;

/// <summary>Importing an HR export: flexible columns, updates by e-mail, managers later in the file, and all or nothing.</summary>
public sealed class PeopleImportTests
{
    private static Task<PeopleImportResult> ImportAsync(TestApp app, TestOrganization organization, string csv, string fileName = "hr.csv") =>
        app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<ImportPeople>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), fileName));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnHrExport_CreatesPeopleWithManagersFurtherDown_AndAReimportUpdatesInsteadOfDuplicating(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        const string csv = """
            Full name,Work email,Employment type,Team,Line manager,Job title,Office,Hire date,Background check,NDA signed,Employee ID
            Ben Builder,ben@example.com,Employee,Engineering,ann@example.com,Engineer,Berlin,2024-03-01,Passed,2024-02-20,E-2
            Cleo Contractor,cleo@example.com,Consultant,Engineering,ben@example.com,Data engineer,Remote,2025-01-06,In progress,,C-9
            Ann Chief,ann@example.com,Employee,Management,,CTO,Berlin,2020-01-01,Passed,2019-12-15,E-1
            """;
        var result = await ImportAsync(app, organization, csv);
        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal(["Employee ID"], result.IgnoredColumns);

        var people = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().ToListAsync());
        var ann = people.Single(p => p.Email == "ann@example.com");
        var ben = people.Single(p => p.Email == "ben@example.com");
        var cleo = people.Single(p => p.Email == "cleo@example.com");
        Assert.Equal((ann.Id, ben.Id), (ben.ManagerId!.Value, cleo.ManagerId!.Value));
        Assert.Equal((PersonType.Contractor, ScreeningStatus.InProgress, "Data engineer", new DateOnly(2025, 1, 6)), (cleo.Type, cleo.Screening, cleo.Role, cleo.StartDate!.Value));
        Assert.Equal((new DateOnly(2024, 2, 20), PersonSource.Import), (ben.ConfidentialitySignedOn!.Value, ben.Source));

        // The register's own export imports back unchanged; a changed row updates that person.
        var exported = Encoding.UTF8.GetString(await app.WithCoreAsync(organization.Id, (_, db) => PeopleRegisterExport.CsvAsync(db)));
        Assert.Equal((0, 0, 3), await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var again = await s.GetRequiredService<ImportPeople>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(exported)), "people.csv");
            return (again.Created, again.Updated, again.Unchanged);
        }));
        var update = await ImportAsync(app, organization, "Name,Email,End date\nCleo Contractor,CLEO@example.com,2026-12-31\n");
        Assert.Equal((0, 1), (update.Created, update.Updated));
        Assert.Equal(new DateOnly(2026, 12, 31), await app.WithCoreAsync(organization.Id, (_, db) => db.People.Where(p => p.Id == cleo.Id).Select(p => p.EndDate!.Value).SingleAsync()));
        Assert.Equal(3, await app.WithCoreAsync(organization.Id, (_, db) => db.People.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OneBadRow_ImportsNothing_AndEveryErrorNamesItsRowAndColumn(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await ImportAsync(app, organization, "Name,Email,Department\nKeep Me,keep@example.com,Legal\n");
        const string csv = """
            Name,Email,Type,Manager,Start date,Department
            Good Row,good@example.com,Employee,,2026-01-05,Finance
            Bad Mail,not-an-email,Employee,,2026-01-05,Finance
            Bad Type,type@example.com,Robot,,2026-01-05,Finance
            Bad Date,date@example.com,Employee,,05/01/2026,Finance
            Lost Manager,lost@example.com,Employee,nobody@example.com,,Finance
            Keep Me,keep@example.com,,,,Sales
            Loop A,loop.a@example.com,,loop.b@example.com,,
            Loop B,loop.b@example.com,,loop.a@example.com,,
            """;
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, csv));
        var errors = refused.Errors["File"];
        Assert.Contains("row 3, column Email: 'not-an-email' is not an e-mail address (name@example.com).", errors);
        Assert.Contains(errors, e => e.StartsWith("row 4, column Type: 'Robot' is not a type of person", StringComparison.Ordinal));
        Assert.Contains("row 5, column Start date: '05/01/2026' is not a date; write it as yyyy-mm-dd.", errors);
        Assert.Contains("row 6, column Manager: nobody@example.com is neither in the register nor in this file.", errors);
        Assert.Contains(errors, e => e.StartsWith("row 8, column Manager: would make a loop of managers", StringComparison.Ordinal));

        var people = await app.WithCoreAsync(organization.Id, (_, db) => db.People.AsNoTracking().ToListAsync());
        Assert.Equal("Legal", Assert.Single(people).Department);

        var noEmail = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, "Name,Department\nX,Y\n"));
        Assert.Contains("has no Email column", noEmail.Errors["File"][0]);
        await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, "Name,Email\n", "people.pdf"));
    }
}
