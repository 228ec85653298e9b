using System.CommandLine;
using Attest.Data;
using Attest.Scale;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest dev …`: developer tools, present only when ATTEST_DEV=1 (or the environment is Development).</summary>
internal static class DevCommands
{
    public static bool Enabled =>
        Environment.GetEnvironmentVariable("ATTEST_DEV") is "1" or "true" ||
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") == "Development" ||
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") == "Development";

    public static Command Dev(Option<string?> database, TextWriter output, TextWriter error)
    {
        var size = new Option<ScaleSize>("--size") { Description = "small or large (large: 2,000 people, 10,000 controls, 200,000 links, 300 documents with 116,709 assignments, 10,000 assets including 500 AI systems and 100 impact assessments, 5,000 risks, 100,000 evidence items, 1,000,000 audit entries, 20,000 incidents, 2,000 corrective actions, 50,000 vulnerability findings, 50 continuity plans, 200 exercises, 100 monitored services × 24 months).", Required = true };
        var organization = new Option<string>("--organization") { Description = "Name of the new organization to fill.", Required = true };
        var seed = new Command("seed-scale", "Fill a new organization with a deterministic enterprise-size dataset for benchmarks.") { size, organization };
        seed.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = AttestCommandLine.CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            var schema = scope.ServiceProvider.GetRequiredService<DatabaseSchema>();
            await schema.MigrateAsync(cancellationToken);
            await output.WriteLineAsync($"Seeding '{parse.GetValue(organization)}' ({parse.GetValue(size)}) into {DatabaseProvider.Describe(connection)} …");
            var report = await scope.ServiceProvider.GetRequiredService<SeedScaleDataset>().RunAsync(parse.GetValue(size), parse.GetValue(organization)!, output, cancellationToken);
            foreach (var (what, count) in report.Records) await output.WriteLineAsync($"  {what,-28} {count,10:N0}");
            await output.WriteLineAsync($"Done in {report.Elapsed.TotalSeconds:0.0} s. Every generated person signs in with the password \"{SeedScaleDataset.Password}\" (e.g. person0000@… is Admin).");
            return 0;
        });
        return new Command("dev", "Developer tools (ATTEST_DEV=1).") { seed };
    }
}
