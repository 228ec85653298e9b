using System.CommandLine;
using Attest.People;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest people import|export` and `attest scim token create`.</summary>
internal static class PeopleCommands
{
    public static Command People(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV or XLSX file with a header row: Name and Email required; Type, Department, Manager (e-mail), Role, Location, Start date, End date, Screening, Screened on, NDA signed on, … optional." };
        var importOrganization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Import or synchronize people, all or nothing: a known e-mail updates that person, a new one adds a person; managers are named by e-mail " +
            "and may be further down the file. Prints one line, e.g. 'imported 3 new people; 2 updated; 10 unchanged'. On any error prints every bad row " +
            "('row 7, column Email: …') and exits 1; nothing is imported.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, importOrganization, error, async (services, db) =>
        {
            return await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
                [Describe(await services.GetRequiredService<ImportPeople>().RunAsync(stream, name, cancellationToken))]);
        }, cancellationToken));

        var export = FileCommands.Export(database, output, error, "Write the whole people register (CSV or XLSX) in the columns the import reads.",
        [
            new("csv", "the people register (csv)", PeopleRegisterExport.CsvAsync),
            new("xlsx", "the people register (xlsx)", PeopleRegisterExport.XlsxAsync),
        ]);

        return new Command("people", "People register: import, export.") { import, export };
    }

    public static Command Scim(Option<string?> database, TextWriter output, TextWriter error)
    {
        var name = new Option<string?>("--name") { Description = "What the token is for, e.g. \"Entra ID\" (default: Identity provider)." };
        var organization = FrameworkCommands.OrganizationOption();
        var create = new Command("create",
            "Create a SCIM provisioning token for the organization. Prints the token once, alone on the last line; give it to the identity provider " +
            "with the tenant URL https://<attest>/scim/v2.") { name, organization };
        create.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (services, db) =>
        {
            var issued = await services.GetRequiredService<CreateScimToken>().RunAsync(parse.GetValue(name), cancellationToken);
            await output.WriteLineAsync($"Created SCIM token '{issued.Name}'. It is shown once:");
            await output.WriteLineAsync(issued.Token);
            return 0;
        }, cancellationToken));
        return new Command("scim", "SCIM 2.0 provisioning.") { new Command("token", "SCIM tokens: create.") { create } };
    }

    /// <summary>"imported 3 new people; 2 updated; 10 unchanged".</summary>
    internal static string Describe(PeopleImportResult result) =>
        $"imported {(result.Created == 1 ? "1 new person" : $"{result.Created} new people")}; {result.Updated} updated; {result.Unchanged} unchanged" +
        (result.IgnoredColumns.Count > 0 ? $" (columns not used: {string.Join(", ", result.IgnoredColumns)})" : "");
}
