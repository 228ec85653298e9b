using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Attest.Checks;

/// <summary>
/// Connects to a PostgreSQL database with the check's secret connection string and compares security-relevant settings with
/// expectations: by default ssl on, password_encryption scram-sha-256, log_connections and log_disconnections on;
/// log_min_duration_statement and server_version are reported. Settings: <c>{"expect": {"ssl": "on", "log_statement": "ddl"}}</c>
/// adds or overrides expectations (null drops one). Values are compared as SHOW displays them; on/true/yes/1 and
/// off/false/no/0 are the same. The password never appears in the result.
/// </summary>
public sealed class PostgresSettingsProbe : ICheckProbe
{
    private const string Mask = "(hidden)";

    private static readonly (string Name, string Value)[] DefaultExpectations =
    [
        ("ssl", "on"),
        ("password_encryption", "scram-sha-256"),
        ("log_connections", "on"),
        ("log_disconnections", "on"),
    ];

    private static readonly string[] Reported = ["log_min_duration_statement"];

    public CheckKind Kind => CheckKind.Postgres;

    private sealed class Settings
    {
        public Dictionary<string, string?>? Expect { get; init; }
    }

    private sealed record SettingResult(string Name, string? Expected, string? Actual)
    {
        public bool Passed => Expected is null || (Actual is not null && Meets(Name, Expected, Actual));
    }

    public async Task<ProbeResult> RunAsync(CheckTarget target, CancellationToken cancellationToken)
    {
        var password = "";
        try
        {
            var result = await RunCoreAsync(target, value => password = value, cancellationToken);
            return Scrub(result, password);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or NpgsqlException or TimeoutException or IOException)
        {
            return Scrub(Failed("timed out connecting to or querying the database."), password);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Scrub(Failed($"could not read the settings: {ProbeErrors.Reason(e)}"), password);
        }
    }

    private static async Task<ProbeResult> RunCoreAsync(CheckTarget target, Action<string> rememberPassword, CancellationToken cancellationToken)
    {
        if (!ProbeSettings.TryRead<Settings>(target.Settings, out var settings, out var settingsError))
            return Failed(settingsError);
        if (string.IsNullOrWhiteSpace(target.Secret))
            return Failed("no connection string is stored for this check.");

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(target.Secret);
        }
        catch (ArgumentException)
        {
            // The builder's message may quote part of the string, which may hold the password.
            return Failed("the stored connection string is not valid.");
        }
        rememberPassword(builder.Password ?? "");
        builder.Pooling = false; // a probe of someone else's server should not leave idle connections behind
        builder.ApplicationName = "Attest check";

        var expectations = DefaultExpectations.ToDictionary(e => e.Name, e => (string?)e.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in settings.Expect ?? [])
        {
            var key = name.Trim().ToLowerInvariant();
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                return Failed($"Settings: expect.{name} is not a PostgreSQL setting name.");
            expectations[key] = value;
        }
        var names = expectations.Keys.Concat(Reported).Append("server_version").Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        var actual = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // current_setting(name) is what SHOW displays; missing_ok gives NULL for a setting this server does not have.
            await using var command = new NpgsqlCommand("SELECT n, current_setting(n, true) FROM unnest(@names::text[]) AS n", connection);
            command.Parameters.AddWithValue("names", names);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                actual[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        var results = names.Where(n => !n.Equals("server_version", StringComparison.OrdinalIgnoreCase))
            .Select(n => new SettingResult(n, expectations.GetValueOrDefault(n), actual.GetValueOrDefault(n)))
            .ToList();
        var failures = results.Where(r => !r.Passed).ToList();
        var passed = failures.Count == 0;
        var server = Describe(builder);
        var summary = passed
            ? $"{server}: {string.Join(", ", results.Where(r => r.Expected is not null).Select(r => $"{r.Name} = {r.Actual}"))} as expected"
            : $"{server}: {string.Join("; ", failures.Select(r => $"{r.Name} is {r.Actual ?? "not a setting on this server"}, expected {r.Expected}"))}";

        var details = new StringBuilder();
        details.Append("## PostgreSQL settings of ").Append(MarkdownText.Escape(server)).Append("\n\n");
        details.Append(passed ? "**Passed.**\n\n" : "**Failed:**\n\n");
        foreach (var failure in failures)
            details.Append(CultureInfo.InvariantCulture, $"- {MarkdownText.Escape(failure.Name)} is {MarkdownText.Escape(failure.Actual ?? "not a setting on this server")}, expected {MarkdownText.Escape(failure.Expected)}\n");
        if (!passed) details.Append('\n');
        details.Append("Server version: ").Append(MarkdownText.Escape(actual.GetValueOrDefault("server_version") ?? "unknown")).Append("\n\n");
        details.Append("| Setting | Expected | Actual | Result |\n|---|---|---|---|\n");
        foreach (var r in results)
        {
            details.Append(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Escape(r.Name)} | {(r.Expected is null ? "(reported only)" : MarkdownText.Escape(r.Expected))} | {MarkdownText.Escape(r.Actual ?? "(no such setting)")} | {(r.Expected is null ? "—" : r.Passed ? "pass" : "**fail**")} |\n");
        }
        details.Append("\nConnection: ").Append(MarkdownText.Escape(Masked(builder))).Append('\n');
        return new ProbeResult(passed, summary, details.ToString());
    }

    private static bool Meets(string name, string expected, string actual)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        if (e == a) return true;
        // PostgreSQL 18 turned log_connections into a list of stages; "on" there means receipt, authentication and authorization.
        if (name.Equals("log_connections", StringComparison.OrdinalIgnoreCase) && e == "on")
        {
            var stages = a.Split(',', StringSplitOptions.TrimEntries);
            return stages.Contains("all") || (stages.Contains("receipt") && stages.Contains("authentication") && stages.Contains("authorization"));
        }
        return false;
    }

    private static string Normalize(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v switch
        {
            "on" or "true" or "yes" or "1" => "on",
            "off" or "false" or "no" or "0" => "off",
            _ => v,
        };
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        return $"{host}:{builder.Port}/{builder.Database ?? builder.Username ?? ""}";
    }

    private static string Masked(NpgsqlConnectionStringBuilder builder)
    {
        var shown = new NpgsqlConnectionStringBuilder
        {
            Host = builder.Host,
            Port = builder.Port,
            Database = builder.Database,
            Username = builder.Username,
            SslMode = builder.SslMode,
        };
        return shown.ConnectionString + (string.IsNullOrEmpty(builder.Password) ? "" : $";Password={Mask}");
    }

    private static ProbeResult Failed(string reason) =>
        new(false, "PostgreSQL: " + reason, $"## PostgreSQL settings\n\n**Failed:** {MarkdownText.Escape(reason)}\n");

    // Belt and braces: a driver or server message could echo the password back; it must never reach evidence.
    private static ProbeResult Scrub(ProbeResult result, string password)
    {
        if (password.Length == 0) return result;
        return result with
        {
            Summary = result.Summary.Replace(password, Mask, StringComparison.Ordinal),
            Details = result.Details.Replace(password, Mask, StringComparison.Ordinal)
                .Replace(MarkdownText.Escape(password), Mask, StringComparison.Ordinal),
        };
    }
}
