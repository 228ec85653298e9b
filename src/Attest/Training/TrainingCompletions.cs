using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Attest.People;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Training;

public sealed record CompletionInput(
    /// <summary>The person, by id or by e-mail (one is enough).</summary>
    Guid? PersonId,
    string? Email,
    Guid CourseId,
    DateOnly? CompletedOn,
    int? Score = null,
    /// <summary>An evidence item (certificate, LMS export) by its reference, e.g. EV-000012.</summary>
    string? EvidenceReference = null,
    string? Notes = null);

/// <summary>A Manager records that someone completed a course (outside Attest), optionally with evidence; their assignment follows in the same save.</summary>
public sealed class RecordTrainingCompletion(AttestDbContext db)
{
    public async Task<Guid> RunAsync(CompletionInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().MaxLength(nameof(input.Notes), input.Notes, 2000).MaxLength(nameof(input.EvidenceReference), input.EvidenceReference, 20);
        var today = TrainingDates.Today(db);
        Guid? personId = null;
        if (input.PersonId is { } id)
        {
            personId = await db.People.Where(p => p.Id == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (personId is null) validation.Add(nameof(input.PersonId), "is not a person of this organization.");
        }
        else if (!string.IsNullOrWhiteSpace(input.Email))
        {
            var key = PersonLookup.KeyOf(input.Email);
            personId = await db.People.Where(p => p.EmailKey == key).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (personId is null) validation.Add(nameof(input.Email), $"no person has the e-mail {input.Email.Trim()} in this organization.");
        }
        else validation.Add(nameof(input.Email), "is required: whose completion is it?");
        if (!await db.Courses.AnyAsync(c => c.Id == input.CourseId, cancellationToken)) validation.Add(nameof(input.CourseId), "is not a course of this organization.");
        if (input.CompletedOn is not { } completedOn) validation.Add(nameof(input.CompletedOn), "is required.");
        else if (completedOn > today) validation.Add(nameof(input.CompletedOn), $"cannot be in the future (today is {today:yyyy-MM-dd}).");
        if (input.Score is < 0 or > 100) validation.Add(nameof(input.Score), "must be a percentage from 0 to 100.");
        Guid? evidence = null;
        if (!string.IsNullOrWhiteSpace(input.EvidenceReference))
        {
            var reference = input.EvidenceReference.Trim();
            evidence = await db.EvidenceItems.Where(e => e.Reference == reference).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (evidence is null) validation.Add(nameof(input.EvidenceReference), $"{reference} is not an evidence reference here.");
        }
        if (validation.IsValid && await db.TrainingCompletions.AnyAsync(c => c.PersonId == personId && c.CourseId == input.CourseId && c.CompletedOn == input.CompletedOn, cancellationToken))
        {
            validation.Add(nameof(input.CompletedOn), $"this completion on {input.CompletedOn:yyyy-MM-dd} is already recorded.");
        }
        validation.ThrowIfInvalid();

        var completion = new TrainingCompletion
        {
            PersonId = personId!.Value, CourseId = input.CourseId, CompletedOn = input.CompletedOn!.Value, Score = input.Score, Source = CompletionSource.Manual,
            EvidenceItemId = evidence, Notes = input.Notes?.Trim() ?? "", RecordedAt = Instant.Now(db.Clock), RecordedBy = db.Acting.Actor,
        };
        db.TrainingCompletions.Add(completion);
        await SyncTrainingAssignments.StageAsync(db, [completion.PersonId], cancellationToken);
        await db.SaveAsync("training completion", cancellationToken);
        return completion.Id;
    }
}

public sealed record CompletionImportResult(int Added, int AlreadyRecorded, int People);

/// <summary>
/// Imports completions from an external learning system's export (CSV or XLSX). Columns are matched by name, loosely: Email, Course
/// (reference or title), Completed on, and optionally Score and Id (the system's record id). Every row is checked first; one bad row
/// and nothing is imported, with every problem named as "row N, column X: …". Re-importing the same file adds nothing: a row whose
/// Id was imported before, or whose person, course and date are already recorded, is skipped.
/// </summary>
public sealed class ImportTrainingCompletions(AttestDbContext db)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private static readonly string[] EmailNames = ["email", "emailaddress", "e-mail", "mail", "useremail", "learneremail", "workemail", "login", "username"];
    private static readonly string[] CourseNames = ["course", "coursereference", "courseref", "coursetitle", "coursename", "training", "module", "title", "reference"];
    private static readonly string[] DateNames = ["completedon", "completed", "completiondate", "datecompleted", "completedat", "completiontime", "date", "finished", "finishedon"];
    private static readonly string[] ScoreNames = ["score", "result", "grade", "percent", "percentage", "scorepercent"];
    private static readonly string[] IdNames = ["id", "recordid", "completionid", "externalid", "record", "transcriptid", "enrollmentid"];

    /// <exception cref="ValidationFailedException">The file cannot be read, a column is missing, or a row is wrong (field "File"; nothing was imported).</exception>
    public async Task<CompletionImportResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw ValidationFailedException.For("File", $"'{fileName}' is not a file Attest reads here; export the completions from the learning system as .csv or .xlsx.");
        }
        var bytes = await Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        var headers = table.Headers.Select(Normalize).ToList();
        int Find(string[] names) => names.Select(n => headers.IndexOf(Normalize(n))).FirstOrDefault(i => i >= 0, -1);
        var (email, course, date, score, external) = (Find(EmailNames), Find(CourseNames), Find(DateNames), Find(ScoreNames), Find(IdNames));
        var missing = new List<string>();
        if (email < 0) missing.Add("Email");
        if (course < 0) missing.Add("Course");
        if (date < 0) missing.Add("Completed on");
        if (missing.Count > 0)
        {
            throw ValidationFailedException.For("File", $"{fileName} has no {string.Join(", ", missing)} column (its columns: {string.Join(", ", table.Headers)}); " +
                "the import needs Email, Course (reference or title) and Completed on, and reads Score and Id when present.");
        }
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no completions: the table has a header but no rows.");
        string Cell(PolicyIndexRow row, int index) => index >= 0 && index < row.Cells.Count ? (row.Cells[index] ?? "").Trim() : "";

        var keys = rows.Select(r => PersonLookup.KeyOf(Cell(r, email))).Where(k => k.Length > 0).Distinct().ToList();
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(1000))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.EmailKey)).Select(p => new { p.EmailKey, p.Id }).ToListAsync(cancellationToken))
            {
                people.TryAdd(p.EmailKey, p.Id);
            }
        }
        var courses = await db.Courses.AsNoTracking().Select(c => new { c.Id, c.Reference, c.Title }).ToListAsync(cancellationToken);
        var byReference = courses.GroupBy(c => c.Reference, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var byTitle = courses.GroupBy(c => c.Title.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        var today = TrainingDates.Today(db);
        var header = (int index) => table.Headers[index].Trim();

        var errors = new List<string>();
        var planned = new List<TrainingCompletion>();
        foreach (var row in rows)
        {
            void Problem(int column, string message) => errors.Add($"{row.Label}, column {header(column)}: {message}");
            var mail = Cell(row, email);
            Guid? personId = null;
            if (mail.Length == 0) Problem(email, "is empty; give the person's e-mail.");
            else if (people.TryGetValue(PersonLookup.KeyOf(mail), out var found)) personId = found;
            else Problem(email, $"no person has the e-mail {mail} in this organization.");

            var courseText = Cell(row, course);
            Guid? courseId = null;
            if (courseText.Length == 0) Problem(course, "is empty; give the course reference (e.g. TRN-01) or title.");
            else if (byReference.TryGetValue(courseText, out var byRef)) courseId = byRef;
            else if (byTitle.TryGetValue(courseText, out var titled) && titled.Count == 1) courseId = titled[0];
            else if (titled is { Count: > 1 }) Problem(course, $"several courses are titled '{courseText}'; use the reference instead.");
            else Problem(course, $"'{courseText}' is neither the reference nor the title of a course here.");

            var dateText = Cell(row, date);
            DateOnly? completedOn = null;
            if (dateText.Length == 0) Problem(date, "is empty; give the completion date as YYYY-MM-DD.");
            else if (ParseDate(dateText) is not { } parsed) Problem(date, $"'{dateText}' is not a date; use YYYY-MM-DD.");
            else if (parsed > today) Problem(date, $"{parsed:yyyy-MM-dd} is in the future.");
            else completedOn = parsed;

            int? points = null;
            if (Cell(row, score) is { Length: > 0 } scoreText)
            {
                if (ParseScore(scoreText) is { } s) points = s;
                else Problem(score, $"'{scoreText}' is not a score; use a percentage from 0 to 100.");
            }
            var externalId = Cell(row, external);
            if (externalId.Length > 200) Problem(external, "is longer than 200 characters.");

            if (personId is { } p && courseId is { } c && completedOn is { } d)
            {
                planned.Add(new TrainingCompletion
                {
                    PersonId = p, CourseId = c, CompletedOn = d, Score = points, Source = CompletionSource.Import, ExternalReference = externalId.Length > 0 ? externalId : null,
                    Notes = $"Imported from {Path.GetFileName(fileName)}",
                });
            }
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });

        var externals = planned.Where(p => p.ExternalReference is not null).Select(p => p.ExternalReference!).Distinct().ToList();
        var knownExternal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in externals.Chunk(1000))
        {
            knownExternal.UnionWith(await db.TrainingCompletions.AsNoTracking().Where(c => c.ExternalReference != null && chunk.Contains(c.ExternalReference))
                .Select(c => c.ExternalReference!).ToListAsync(cancellationToken));
        }
        var personIds = planned.Select(p => p.PersonId).Distinct().ToList();
        var known = new HashSet<(Guid, Guid, DateOnly)>();
        foreach (var chunk in personIds.Chunk(1000))
        {
            foreach (var c in await db.TrainingCompletions.AsNoTracking().Where(c => chunk.Contains(c.PersonId)).Select(c => new { c.PersonId, c.CourseId, c.CompletedOn })
                .ToListAsync(cancellationToken))
            {
                known.Add((c.PersonId, c.CourseId, c.CompletedOn));
            }
        }
        var now = Instant.Now(db.Clock);
        int added = 0, skipped = 0;
        foreach (var completion in planned)
        {
            if ((completion.ExternalReference is { } id && !knownExternal.Add(id)) || !known.Add((completion.PersonId, completion.CourseId, completion.CompletedOn)))
            {
                skipped++;
                continue;
            }
            completion.RecordedAt = now;
            completion.RecordedBy = db.Acting.Actor;
            db.TrainingCompletions.Add(completion);
            added++;
        }
        var touched = db.TrainingCompletions.Local.Select(c => c.PersonId).Distinct().ToList();
        if (touched.Count > 0) await SyncTrainingAssignments.StageAsync(db, touched.Count > 500 ? null : touched, cancellationToken);
        await db.SaveAsync("training completion", cancellationToken);
        return new CompletionImportResult(added, skipped, touched.Count);
    }

    private static string Normalize(string header) => new((header ?? "").ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "d MMM yyyy", "d MMMM yyyy"];

    /// <summary>ISO dates and instants (an instant is taken in UTC), and unambiguous written dates; never a locale's 03/04/2025.</summary>
    internal static DateOnly? ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return DateOnly.FromDateTime(local);
        if (text.Length > 10 && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }
        // XLSX cells holding dates arrive as "2025-03-04 00:00:00" or as the spreadsheet's own serial number.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        return null;
    }

    internal static int? ParseScore(string text)
    {
        var trimmed = text.Trim().TrimEnd('%').Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
        // Some systems export 0.85 for 85%.
        if (value is > 0 and <= 1 && trimmed.Contains('.')) value *= 100;
        return value is < 0 or > 100 ? null : (int)Math.Round(value, MidpointRounding.AwayFromZero);
    }
}
