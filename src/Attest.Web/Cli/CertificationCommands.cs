using System.CommandLine;
using System.Globalization;
using Attest.Certification;

namespace Attest.Web.Cli;

/// <summary>`attest certification status`.</summary>
internal static class CertificationCommands
{
    public static Command Certification(Option<string?> database, TextWriter output, TextWriter error)
    {
        var organization = FrameworkCommands.OrganizationOption();
        var status = new Command("status",
            "One line per active programme: standard, target date, milestones done/total, readiness % (n/a without a framework), days to target " +
            "(negative once passed), then on track / late, and the certificate's last day when certified.") { organization };
        status.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (_, db) =>
        {
            var programmes = await CertificationQueries.StatusesAsync(db, false, cancellationToken);
            if (programmes.Count == 0)
            {
                await output.WriteLineAsync("No active certification programmes.");
                return 0;
            }
            foreach (var p in programmes) await output.WriteLineAsync(Line(p));
            return 0;
        }, cancellationToken));
        return new Command("certification", "Certification programmes: status.") { status };
    }

    /// <summary>"ISO/IEC 27001:2022  target 2027-03-31  milestones 4/12  readiness 72%  days to target 128  on track" (scripts read the fields in this order).</summary>
    public static string Line(CertificationStatus p)
    {
        var readiness = p.ReadinessPercent is { } r ? $"{r}%" : "n/a";
        var line = $"{p.Standard}  target {p.TargetOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  milestones {p.MilestonesDone}/{p.MilestonesTotal}  " +
                   $"readiness {readiness}  days to target {p.DaysToTarget}  {(p.OnTrack ? "on track" : "late")}";
        return p.Certified && p.Certificate is { } c ? $"{line}  certified until {c.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : line;
    }
}
