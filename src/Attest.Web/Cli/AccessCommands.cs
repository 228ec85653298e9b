using System.CommandLine;
using Attest.AccessReviews;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest access import FILE --system NAME`.</summary>
internal static class AccessCommands
{
    public static Command Access(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The system's account export, CSV or XLSX, with a header row: Account (or Username, Login), Email, Name, Role (or Group, Entitlement), Privileged (or Admin), Last used (or Last login).",
        };
        var system = new Option<string>("--system") { Description = "The system the export comes from; created when no system has that name.", Required = true };
        var organization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Load a system's accounts, all or nothing: the file replaces the system's current list (new accounts added, listed ones updated, absent ones marked removed " +
            "today, and revocations decided in reviews confirmed once their account is gone). Prints the counts added, updated and removed and how many accounts are flagged. " +
            "On any error prints every bad row and column and exits 1; nothing changes.") { file, system, organization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (services, db) =>
        {
            return await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
                Describe(await services.GetRequiredService<ImportSystemAccounts>().RunAsync(parse.GetValue(system)!, stream, name, cancellationToken)));
        }, cancellationToken));
        return new Command("access", "Access reviews: load a system's accounts.") { import };
    }

    /// <summary>"AWS console (new system): 12 added, 3 updated, 2 removed, 40 unchanged" and the flagged counts.</summary>
    internal static IEnumerable<string> Describe(AccessLoadResult result)
    {
        yield return $"{result.SystemName}{(result.SystemCreated ? " (new system)" : "")}: {result.Added} added, {result.Updated} updated, {result.Removed} removed, {result.Unchanged} unchanged";
        yield return $"flagged: {result.NoMatchingPerson} without a matching person, {result.Leavers} of leavers, {result.Privileged} privileged, {result.Unused} unused";
        if (result.RemediationsConfirmed > 0) yield return $"{result.RemediationsConfirmed} revocation(s) from access reviews confirmed by this load";
    }
}
