using System.CommandLine;
using Attest.AuditPacks;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest pack export|verify`: the signed audit pack.</summary>
internal static class PackCommands
{
    public static Command Pack(Option<string?> database, TextWriter output, TextWriter error)
    {
        var asAt = new Option<string>("--as-at") { Description = "The day (YYYY-MM-DD) whose end the pack shows, in the organization's time zone; not in the future.", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The ZIP file to write.", Required = true };
        var exportOrganization = FrameworkCommands.OrganizationOption();
        var export = new Command("export", "Write the audit pack as at a day: a ZIP with a signed manifest. Prints the file count and the manifest's SHA-256.")
            { asAt, to, exportOrganization };
        export.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, exportOrganization, error, async (services, _) =>
        {
            var day = Api.AuditPackApi.ParseDay(parse.GetValue(asAt));
            var target = parse.GetValue(to)!;
            using var buffer = new MemoryStream();
            // Built in memory first, so a refused date or a failure leaves no half-written file behind.
            var result = await services.GetRequiredService<BuildAuditPack>().RunAsync(day, buffer, cancellationToken);
            await File.WriteAllBytesAsync(target.FullName, buffer.ToArray(), cancellationToken);
            await output.WriteLineAsync($"exported the audit pack as at {result.AsAt:yyyy-MM-dd} to {target.FullName}");
            await output.WriteLineAsync($"files: {result.FileCount}");
            await output.WriteLineAsync($"manifest SHA-256: {result.ManifestSha256}");
            await output.WriteLineAsync($"key fingerprint: {result.KeyFingerprint}");
            return 0;
        }, cancellationToken));

        var file = new Argument<FileInfo>("FILE") { Description = "The audit pack (ZIP)." };
        var verifyOrganization = new Option<string?>("--organization")
        {
            Description = "Also say whether the pack was signed with this organization's key (needs the database). Without it, only the ZIP is read.",
        };
        var verify = new Command("verify", "Verify an audit pack: exit 0 only when the manifest's signature is valid and every file matches it; otherwise print the first file that does not.")
            { file, verifyOrganization };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"FILE: {source.FullName} does not exist.");
                return 1;
            }
            PackVerification result;
            await using (var stream = source.OpenRead())
            {
                result = VerifyAuditPack.Run(stream);
            }
            if (parse.GetValue(verifyOrganization) is { Length: > 0 } && result.Fingerprint is { } fingerprint)
            {
                var code = await FrameworkCommands.InOrganizationAsync(parse, database, verifyOrganization, error, async (services, _) =>
                {
                    result = result with { KeyIsOurs = await services.GetRequiredService<PackSigningKeys>().IsOursAsync(fingerprint, cancellationToken) };
                    return 0;
                }, cancellationToken);
                if (code != 0) return code;
            }
            await (result.Ok ? output : error).WriteLineAsync(result.Describe());
            if (result.KeyText is { } key) await output.WriteLineAsync(key);
            return result.Ok ? 0 : 1;
        });

        return new Command("pack", "Audit pack: export the records as at a day, signed; verify a pack.") { export, verify };
    }
}
