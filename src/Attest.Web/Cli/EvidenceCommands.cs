using System.CommandLine;
using Attest.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest evidence add|list`.</summary>
internal static class EvidenceCommands
{
    public static Command Evidence(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The evidence file (at most ATTEST_EVIDENCE_MAX_MB, default 50 MB)." };
        var control = new Option<string>("--control") { Description = "The control(s) it supports, by reference: CTL-001 (or \"CTL-001, CTL-004\").", Required = true };
        var validUntil = new Option<DateOnly?>("--valid-until") { Description = "Last day the evidence counts (yyyy-mm-dd)." };
        var title = new Option<string?>("--title") { Description = "Title (default: the file name)." };
        var addOrganization = FrameworkCommands.OrganizationOption();
        var add = new Command("add",
            "Record a file as evidence for a control, collected today. Prints its reference, id and SHA-256, e.g. 'EV-000012 <id> sha256 <hex>'. " +
            "An unknown control or a missing file exits 1 and saves nothing.") { file, control, validUntil, title, addOrganization };
        add.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, addOrganization, error, async (services, db) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            // References first: an unknown control is refused before the file is read.
            var links = await EvidenceLinkNotation.ResolveAsync(db, parse.GetValue(control), null, null, null, cancellationToken);
            using var received = await ReceiveAsync(services.GetRequiredService<EvidenceUploads>(), source, cancellationToken);
            var given = parse.GetValue(title);
            var id = await services.GetRequiredService<SaveEvidence>().RunAsync(null, new EvidenceInput(
                string.IsNullOrWhiteSpace(given) ? source.Name : given, EvidenceKind.File, ValidUntil: parse.GetValue(validUntil), Links: links), received, cancellationToken);
            var reference = await db.EvidenceItems.AsNoTracking().Where(e => e.Id == id).Select(e => e.Reference).SingleAsync(cancellationToken);
            await output.WriteLineAsync($"{reference} {id} sha256 {received.Sha256}");
            return 0;
        }, cancellationToken));

        var stale = new Option<bool>("--stale") { Description = "Only evidence whose valid-until date has passed." };
        var listOrganization = FrameworkCommands.OrganizationOption();
        var list = new Command("list",
            "The organization's evidence, newest first, one line each: reference, collected, valid until ('-' when open-ended), kind, title.") { stale, listOrganization };
        list.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, listOrganization, error, async (services, db) =>
        {
            var filter = new EvidenceFilter(StaleOnly: parse.GetValue(stale));
            const int size = 500;
            for (var page = 1; ; page++)
            {
                var found = await EvidenceQueries.PageAsync(db, filter, page, size, cancellationToken);
                foreach (var e in found.Rows)
                {
                    await output.WriteLineAsync(
                        $"{e.Reference,-10} {e.CollectedOn:yyyy-MM-dd} {(e.ValidUntil is { } until ? until.ToString("yyyy-MM-dd") : "-"),-10} {EvidenceLabels.Of(e.Kind),-12} {e.Title}");
                }
                if (!found.HasMore) return 0;
            }
        }, cancellationToken));

        return new Command("evidence", "Evidence: add a file, list.") { add, list };
    }

    private static async Task<ReceivedFile> ReceiveAsync(EvidenceUploads uploads, FileInfo source, CancellationToken cancellationToken)
    {
        await using var stream = source.OpenRead();
        return await uploads.ReceiveAsync(stream, source.Name, cancellationToken);
    }
}
