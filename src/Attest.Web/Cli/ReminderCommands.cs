using System.CommandLine;
using Attest.Audit;
using Attest.Data;
using Attest.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest reminders send [--dry-run]`: today's task digests by e-mail, now.</summary>
internal static class ReminderCommands
{
    public static Command Reminders(Option<string?> database, TextWriter output, TextWriter error)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print who would get a digest with how many items; send and log nothing." };
        var organization = new Option<string?>("--organization") { Description = "Only this organization (default: every organization)." };
        var send = new Command("send",
            "E-mail each member with due or overdue tasks today's digest (at most one delivered per person and day), through the SMTP server of " +
            "Smtp__Host, Smtp__Port, Smtp__From, Smtp__Username, Smtp__Password and Smtp__Security; links start with Attest__PublicUrl. " +
            "One line per digest; exit 1 when e-mail is off or a digest was not delivered.") { dryRun, organization };
        send.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DatabaseProvider.ResolveConnectionString(parse.GetValue(database));
            await using var services = AttestCommandLine.CoreServices(connection);
            await using var scope = services.CreateAsyncScope();
            if (!await AttestCommandLine.EnsureCurrentSchemaAsync(scope.ServiceProvider, connection, error, cancellationToken)) return 2;
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            Guid? only = null;
            if (parse.GetValue(organization) is { Length: > 0 } name)
            {
                if (await AttestCommandLine.PickOrganizationAsync(db, name, preferDemo: false, error, cancellationToken) is not { } picked) return 1;
                only = picked.Id;
            }
            db.Acting.UseChannel(AuditChannel.Cli);
            var settings = scope.ServiceProvider.GetRequiredService<SmtpSettings>();
            var run = await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(parse.GetValue(dryRun), only, cancellationToken);
            if (run.EmailOff)
            {
                await error.WriteLineAsync("E-mail is off: Smtp__Host (Smtp:Host) is not set, so nothing was sent. 'attest reminders send --dry-run' shows who would get what.");
                return 1;
            }
            if (run.Problems.Count > 0)
            {
                foreach (var problem in run.Problems) await error.WriteLineAsync(problem);
                await error.WriteLineAsync("Nothing was sent.");
                return 1;
            }
            foreach (var digest in run.Digests)
            {
                var what = $"{digest.Organization}  {digest.Address}  {digest.Overdue} overdue, {digest.Due} due";
                await output.WriteLineAsync(run.DryRun ? "would send  " + what : digest.Delivered ? "delivered  " + what : $"NOT DELIVERED  {what}  {digest.Error}");
            }
            var skipped = run.AlreadySent == 0 ? "" : $", {run.AlreadySent} already sent today";
            if (run.DryRun)
            {
                await output.WriteLineAsync($"would send {run.Digests.Count} digest(s), {run.Digests.Sum(d => d.Due + d.Overdue)} item(s){skipped}" +
                    (settings.IsConfigured ? "" : " (e-mail is off: Smtp__Host is not set)"));
                return 0;
            }
            await output.WriteLineAsync($"delivered {run.Delivered}, not delivered {run.Failed}{skipped}");
            return run.Failed == 0 ? 0 : 1;
        });
        return new Command("reminders", "Reminder e-mail: send today's task digests.") { send };
    }
}
