using System.Globalization;
using System.Net;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Attest.Reminders;

/// <summary>The daily digest of a person's tasks: a plain-text and an HTML body with the same lines and absolute links.</summary>
public static class ReminderDigest
{
    /// <summary>"Attest: 2 overdue, 3 due soon (Lumen Professional Services)".</summary>
    public static string Subject(string organization, MyTaskList tasks)
    {
        var parts = new List<string>();
        if (tasks.OverdueCount > 0) parts.Add($"{tasks.OverdueCount} overdue");
        if (tasks.DueCount > 0) parts.Add($"{tasks.DueCount} due soon");
        return $"Attest: {string.Join(", ", parts)} ({organization})";
    }

    /// <summary>One line per task, as both bodies show it: "OVERDUE 2026-11-01  CA-0003 Rotate keys (to complete)".</summary>
    public static string Line(MyTask task) =>
        $"{(task.Overdue ? "OVERDUE" : "due")} {task.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {task.Reference} {task.Title} ({task.Note})";

    public static MimeMessage Compose(SmtpSettings settings, string organization, string name, string address, MyTaskList tasks)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {name},\n\nThese are your tasks in Attest for {organization} on {tasks.Today:yyyy-MM-dd}.\n");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><body><p>Hello {Encode(name)},</p><p>These are your tasks in Attest for {Encode(organization)} on {tasks.Today:yyyy-MM-dd}.</p>");
        foreach (var (heading, items) in new[] { ("Overdue", tasks.Items.Where(t => t.Overdue).ToList()), ("Due soon", tasks.Items.Where(t => !t.Overdue).ToList()) })
        {
            if (items.Count == 0) continue;
            text.Append(CultureInfo.InvariantCulture, $"\n{heading} ({items.Count}):\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2>{heading} ({items.Count})</h2><ul>");
            foreach (var task in items)
            {
                var link = settings.Link(task.Path);
                text.Append(CultureInfo.InvariantCulture, $"- {Line(task)}\n  {link}\n");
                html.Append(CultureInfo.InvariantCulture,
                    $"<li>{(task.Overdue ? "<strong>Overdue</strong>" : "Due")} {task.DueOn:yyyy-MM-dd}: <a href=\"{Encode(link)}\">{Encode(task.Reference)} {Encode(task.Title)}</a> ({Encode(MyTasks.Label(task.Kind))}, {Encode(task.Note)})</li>");
            }
            html.Append("</ul>");
        }
        var all = settings.Link("/my/tasks");
        text.Append(CultureInfo.InvariantCulture, $"\nAll your tasks: {all}\n\nYou receive this e-mail at most once a day, when something of yours is due within {MyTasks.DueWithinDays} days or overdue.\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(all)}\">All your tasks</a></p><p>You receive this e-mail at most once a day, when something of yours is due within {MyTasks.DueWithinDays} days or overdue.</p></body></html>");
        return Message(settings, name, address, Subject(organization, tasks), text.ToString(), html.ToString());
    }

    public static MimeMessage Message(SmtpSettings settings, string name, string address, string subject, string text, string html)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(name, address));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>
/// Sends messages over one SMTP connection (MailKit), opened on first use. A refused message reports the server's reply and the connection
/// goes on for the next; when the server cannot be reached, every message of the run reports that error without trying again.
/// </summary>
public sealed class SmtpMailer(SmtpSettings settings) : IAsyncDisposable
{
    /// <summary>How long to wait for the server at each step; the default of two minutes would hold up a whole run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private SmtpClient? _client;
    private string? _unreachable;

    /// <summary>Sends <paramref name="message"/>; null when the server accepted it, else what went wrong (the server's reply when it refused).</summary>
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (_unreachable is not null) return _unreachable;
        SmtpClient client;
        try
        {
            client = await ConnectedAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            return _unreachable = $"Could not reach {settings.Host}:{settings.Port}: {failure.Message}";
        }
        try
        {
            await client.SendAsync(message, cancellationToken);
            return null;
        }
        catch (SmtpCommandException refused)
        {
            if (!client.IsConnected) await DropAsync();
            return $"{(int)refused.StatusCode} {refused.Message}".Trim();
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            return failure.Message;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open) return open;
        await DropAsync();
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        _client = client;
        var options = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host ?? "", settings.Port, options, cancellationToken);
        if (settings.Username is { } user) await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(true);
        }
        catch (Exception e) when (e is IOException or ProtocolException or SmtpCommandException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone either way.
        }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
