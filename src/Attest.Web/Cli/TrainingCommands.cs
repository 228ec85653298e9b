using System.CommandLine;
using Attest.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest training status|sync|import`.</summary>
internal static class TrainingCommands
{
    public static Command Training(Option<string?> database, TextWriter output, TextWriter error)
    {
        var statusOrganization = FrameworkCommands.OrganizationOption();
        var status = new Command("status",
            "Print each course's completion (done/assigned, overdue), then, as the very last line, exactly 'completion X% (done/assigned)': X is a whole " +
            "percentage rounded down. Counted: assignments completed in the last 12 months, and open ones due by today.") { statusOrganization };
        status.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, statusOrganization, error, async (_, db) =>
        {
            var today = TrainingDates.Today(db);
            var courses = await TrainingFigures.ByCourseAsync(db, today, cancellationToken);
            foreach (var course in courses)
            {
                await output.WriteLineAsync($"{course.Reference} {course.Title}: {course.Rate}{(course.Overdue > 0 ? $", {course.Overdue} overdue" : "")}");
            }
            await output.WriteLineAsync($"completion {new CompletionRate(courses.Sum(c => c.Rate.Done), courses.Sum(c => c.Rate.Assigned))}");
            return 0;
        }, cancellationToken));

        var syncOrganization = FrameworkCommands.OrganizationOption();
        var sync = new Command("sync", "Bring every training assignment in line with the rules, people and completions. Prints what changed.") { syncOrganization };
        sync.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, syncOrganization, error, async (services, _) =>
        {
            var result = await services.GetRequiredService<SyncTrainingAssignments>().RunAsync(cancellationToken);
            await output.WriteLineAsync($"assignments: {result.Created} created, {result.Completed} completed, {result.Cancelled} cancelled, {result.Rescheduled} rescheduled");
            return 0;
        }, cancellationToken));

        var file = new Argument<FileInfo>("FILE") { Description = "A CSV or XLSX export of completions from a learning system: Email, Course, Completed on, optional Score and Id." };
        var importOrganization = FrameworkCommands.OrganizationOption();
        var import = new Command("import",
            "Import completions, all or nothing; re-importing the same file adds nothing. On any error prints every bad row and exits 1.") { file, importOrganization };
        import.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, importOrganization, error, async (services, _) =>
        {
            return await FileCommands.ImportAsync(parse.GetValue(file)!, output, error, async (stream, name) =>
            {
                var result = await services.GetRequiredService<ImportTrainingCompletions>().RunAsync(stream, name, cancellationToken);
                return [$"imported {result.Added} completions; {result.AlreadyRecorded} already recorded"];
            });
        }, cancellationToken));

        return new Command("training", "Awareness training: status, sync, import.") { status, sync, import };
    }
}
