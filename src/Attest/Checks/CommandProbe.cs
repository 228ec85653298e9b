using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Attest.Checks;

/// <summary>
/// Runs the check's target through <c>/bin/sh -c</c> on the Attest host; exit code 0 passes. The cancellation token is the timeout:
/// when it fires, the command and everything it started are killed and the run fails as timed out. The first 8 KB of standard
/// output and standard error are kept as evidence. Whether command checks are enabled at all is the caller's decision.
/// </summary>
/// <remarks>
/// The command gets a small allow-listed environment, not Attest's own: Attest's environment may hold its database connection
/// string or other secrets, and a command's output becomes evidence that many people can read.
/// </remarks>
public sealed class CommandProbe : ICheckProbe
{
    public const int OutputLimitBytes = 8 * 1024;

    private static readonly string[] PassedEnvironment =
    [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR",
    ];

    // Output still arriving after the command exited comes from something it left running in the background: stop waiting soon.
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    public CheckKind Kind => CheckKind.Command;

    public async Task<ProbeResult> RunAsync(CheckTarget target, CancellationToken cancellationToken)
    {
        var command = target.Target ?? "";
        if (string.IsNullOrWhiteSpace(command))
            return Result(false, "Command: no command to run.", command, null, null, null, "Target is empty: there is no command to run.");

        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment.Clear();
        foreach (var name in PassedEnvironment)
            if (Environment.GetEnvironmentVariable(name) is { } value) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return Result(false, $"Command could not be started: {e.Message}", command, null, null, null, $"/bin/sh could not be started: {e.Message}");
        }
        process.StandardInput.Close(); // a command that reads its input gets end-of-file instead of waiting for ever

        using var stopReading = new CancellationTokenSource();
        var stdout = CaptureAsync(process.StandardOutput.BaseStream, stopReading.Token);
        var stderr = CaptureAsync(process.StandardError.BaseStream, stopReading.Token);

        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception)
            {
                // It exited on its own between the timeout and the kill.
            }
            await process.WaitForExitAsync(CancellationToken.None);
        }

        stopReading.CancelAfter(OutputGrace);
        var output = await stdout;
        var error = await stderr;

        if (timedOut)
            return Result(false, "Command timed out and was stopped.", command, null, output, error, "The command timed out and was stopped (with everything it started).");

        var exitCode = process.ExitCode;
        var passed = exitCode == 0;
        var firstLine = FirstLine(error.Text) ?? FirstLine(output.Text);
        var summary = passed
            ? "Command exited with code 0."
            : $"Command exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}{(firstLine is null ? "." : ": " + firstLine)}";
        return Result(passed, summary, command, exitCode, output, error, null);
    }

    private sealed record Captured(string Text, long TotalBytes, bool Complete);

    private static async Task<Captured> CaptureAsync(Stream stream, CancellationToken stop)
    {
        var kept = new MemoryStream();
        var buffer = new byte[4096];
        long total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, stop)) > 0)
            {
                var keep = (int)Math.Min(read, OutputLimitBytes - kept.Length);
                if (keep > 0) kept.Write(buffer, 0, keep);
                total += read; // keep draining so that a chatty command never blocks on a full pipe
            }
            return new Captured(Decode(kept), total, true);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            return new Captured(Decode(kept), total, false);
        }
    }

    private static string Decode(MemoryStream bytes) => new UTF8Encoding(false, false).GetString(bytes.GetBuffer(), 0, (int)bytes.Length);

    private static string? FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null ? null : line.Length <= 200 ? line : line[..200] + "…";
    }

    private static ProbeResult Result(bool passed, string summary, string command, int? exitCode, Captured? output, Captured? error, string? note)
    {
        var details = new StringBuilder();
        details.Append("## Command\n\n").Append(MarkdownText.CodeBlock(command, "sh")).Append('\n');
        details.Append(passed ? "**Passed.**\n\n" : "**Failed.**\n\n");
        if (note is not null) details.Append(MarkdownText.Escape(note)).Append("\n\n");
        if (exitCode is not null) details.Append(CultureInfo.InvariantCulture, $"Exit code: {exitCode}\n\n");
        AppendOutput(details, "Standard output", output);
        AppendOutput(details, "Standard error", error);
        return new ProbeResult(passed, summary, details.ToString());
    }

    private static void AppendOutput(StringBuilder details, string heading, Captured? captured)
    {
        if (captured is null) return;
        details.Append("### ").Append(heading).Append("\n\n");
        if (captured.TotalBytes == 0)
        {
            details.Append("(empty)\n\n");
            return;
        }
        details.Append(MarkdownText.CodeBlock(captured.Text));
        if (captured.TotalBytes > OutputLimitBytes)
            details.Append(CultureInfo.InvariantCulture, $"\nFirst {OutputLimitBytes} of {captured.TotalBytes} bytes shown.\n");
        if (!captured.Complete)
            details.Append("\nStopped reading: the output stayed open after the command ended (something it started kept running).\n");
        details.Append('\n');
    }
}
