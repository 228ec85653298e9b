using System.CommandLine;
using Attest.Audit;
using Attest.Data;
using Attest.Demo;
using Attest.Frameworks;
using Attest.Soa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest frameworks …`, `attest soa export` and `attest policies …`.</summary>
internal static class FrameworkCommands
{
    internal static Option<string?> OrganizationOption() =>
        new("--organization") { Description = "Organization name (default: the only one, else the demo organization)." };

    public static Command Frameworks(Option<string?> database, TextWriter output, TextWriter error)
    {
        var list = new Command("list", "The organization's frameworks: id, name, version, requirement count.");
        var listOrganization = OrganizationOption();
        list.Options.Add(listOrganization);
        list.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, listOrganization, error, async (services, db) =>
        {
            var frameworks = await FrameworkQueries.ListAsync(db, cancellationToken);
            await output.WriteLineAsync($"{"ID",-32} {"VERSION",-10} {"REQUIREMENTS",12}  NAME");
            foreach (var f in frameworks) await output.WriteLineAsync($"{f.Key,-32} {f.CatalogVersion,-10} {f.Requirements,12}  {f.Name}");
            return 0;
        }, cancellationToken));

        var file = new Argument<FileInfo>("FILE") { Description = "An OSCAL catalog or profile (JSON), or an Attest framework YAML file." };
        var importOrganization = OrganizationOption();
        var import = new Command("import", "Import a framework; all or nothing.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, importOrganization, error, async (services, db) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            await using var stream = source.OpenRead();
            var result = await services.GetRequiredService<ImportFrameworkFile>().RunAsync(stream, source.Name, cancellationToken);
            await output.WriteLineAsync(result.Controls > 0
                ? $"imported {result.Key}: {result.Controls} controls"
                : $"imported {result.Key}: {result.Requirements} requirements");
            return 0;
        }, cancellationToken));

        var id = new Argument<string>("ID") { Description = "The framework id (see 'attest frameworks list')." };
        var format = new Option<string>("--format") { Description = "oscal or yaml.", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write.", Required = true };
        var exportOrganization = OrganizationOption();
        var export = new Command("export", "Write a framework as an OSCAL catalog (JSON) or Attest YAML.") { id, format, to, exportOrganization };
        export.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, exportOrganization, error, async (services, db) =>
        {
            var (content, _, _) = await FrameworkExport.RunAsync(db, parse.GetValue(id)!, parse.GetValue(format)!, cancellationToken);
            await File.WriteAllBytesAsync(parse.GetValue(to)!.FullName, content, cancellationToken);
            await output.WriteLineAsync($"exported {parse.GetValue(id)} to {parse.GetValue(to)!.FullName}");
            return 0;
        }, cancellationToken));

        return new Command("frameworks", "Frameworks: list, import, export.") { list, import, export };
    }

    public static Command Soa(Option<string?> database, TextWriter output, TextWriter error)
    {
        var framework = new Option<string>("--framework") { Description = "iso27001-2022 or iso42001-2023.", Required = true };
        var version = new Option<string>("--version") { Description = "latest, draft, or a version number such as 1.0.", DefaultValueFactory = _ => "latest" };
        var format = new Option<string>("--format") { Description = "xlsx, csv, md or pdf.", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write.", Required = true };
        var organization = OrganizationOption();
        var export = new Command("export", "Write a Statement of Applicability version to a file.") { framework, version, format, to, organization };
        export.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, organization, error, async (services, db) =>
        {
            var file = await SoaFiles.RenderAsync(db, parse.GetValue(framework)!, parse.GetValue(version), parse.GetValue(format), cancellationToken);
            var target = parse.GetValue(to)!;
            await File.WriteAllBytesAsync(target.FullName, file.Content, cancellationToken);
            var document = file.Document;
            await output.WriteLineAsync($"exported the {document.FrameworkKey} SoA {(document.IsDraft ? "draft" : document.Number)} ({document.Rows.Count} controls) to {target.FullName}");
            return 0;
        }, cancellationToken));
        return new Command("soa", "Statement of Applicability: export.") { export };
    }

    public static Command Policies(Option<string?> database, TextWriter output, TextWriter error)
    {
        var initOrganization = OrganizationOption();
        var init = new Command("init", "Create draft outlines of the complete ISMS policy set (those not there yet).") { initOrganization };
        init.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, initOrganization, error, async (services, db) =>
        {
            var created = await services.GetRequiredService<Attest.Policies.InitStarterPolicies>().RunAsync(cancellationToken);
            await output.WriteLineAsync(created == 0 ? "every starter policy already exists; nothing created" : $"created {created} draft policies");
            return 0;
        }, cancellationToken));

        var file = new Argument<FileInfo>("FILE") { Description = "A policy index: CSV, XLSX or a Markdown table (Policy | What it covers | ISO 27001 relevance)." };
        var importOrganization = OrganizationOption();
        var import = new Command("import", "Import a policy index into draft policies with their requirement links; all or nothing.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, importOrganization, error, async (services, db) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            await using var stream = source.OpenRead();
            var result = await services.GetRequiredService<Attest.Policies.ImportPolicyIndex>().RunAsync(stream, source.Name, cancellationToken);
            await output.WriteLineAsync($"imported {result.Created + result.Updated} policies ({result.Created} created, {result.Updated} updated) and {result.Links} links");
            return 0;
        }, cancellationToken));

        var format = new Option<string>("--format") { Description = "csv (the register) or zip (every published policy as Markdown and PDF).", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write.", Required = true };
        var exportOrganization = OrganizationOption();
        var export = new Command("export", "Write the policy register (CSV) or the published set (ZIP).") { format, to, exportOrganization };
        export.SetAction(async (parse, cancellationToken) => await InOrganizationAsync(parse, database, exportOrganization, error, async (services, db) =>
        {
            var wanted = parse.GetValue(format)!.Trim().ToLowerInvariant();
            byte[] content;
            if (wanted == "csv") content = await Attest.Policies.PolicyExport.CsvAsync(db, cancellationToken);
            else if (wanted == "zip") content = await Attest.Policies.PolicyExport.PublishedSetZipAsync(db, db.Clock.GetUtcNow(), cancellationToken);
            else
            {
                await error.WriteLineAsync($"--format: '{wanted}' is not a format here; use csv or zip.");
                return 1;
            }
            var target = parse.GetValue(to)!;
            await File.WriteAllBytesAsync(target.FullName, content, cancellationToken);
            await output.WriteLineAsync($"exported policies ({wanted}) to {target.FullName}");
            return 0;
        }, cancellationToken));
        return new Command("policies", "Policies: init, import, export.") { init, import, export };
    }

    /// <summary>Opens the database, picks the organization and runs <paramref name="action"/> as its Admin on the CLI channel.</summary>
    internal static async Task<int> InOrganizationAsync(ParseResult parse, Option<string?> database, Option<string?> organizationOption, TextWriter error,
        Func<IServiceProvider, AttestDbContext, Task<int>> action, CancellationToken cancellationToken)
    {
        var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
        await using var services = AttestCommandLine.CoreServices(connection);
        await using var scope = services.CreateAsyncScope();
        if (!await AttestCommandLine.EnsureCurrentSchemaAsync(scope.ServiceProvider, connection, error, cancellationToken)) return 2;
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var organization = await AttestCommandLine.PickOrganizationAsync(db, parse.GetValue(organizationOption), preferDemo: true, error, cancellationToken);
        if (organization is null) return 1;
        db.Acting.EnterOrganization(organization.Value.Id, OrganizationRole.Admin);
        db.Acting.UseChannel(AuditChannel.Cli);
        return await action(scope.ServiceProvider, db);
    }
}
