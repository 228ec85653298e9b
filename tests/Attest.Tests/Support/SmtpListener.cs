using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Attest.Tests.Support;

/// <summary>One message the listener accepted: the envelope and the raw content (dot-stuffing undone).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Data)
{
    /// <summary>The content parsed as a MIME message (MimeKit comes with the core's MailKit).</summary>
    public MimeKit.MimeMessage Parse() => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));
}

/// <summary>
/// A small SMTP server on a free loopback port, for tests that send real e-mail: greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP and
/// QUIT, no TLS and no authentication. It keeps every accepted message and refuses the recipients it is told to with 550.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly List<Task> _sessions = [];
    private readonly HashSet<string> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly Task _accepting;

    public SmtpListener()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The reply a refused recipient gets.</summary>
    public const string RefusalText = "5.1.1 Mailbox unavailable: no such user here";

    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_gate) return _received.ToList();
        }
    }

    /// <summary>RCPT TO this address is answered "550 <see cref="RefusalText"/>".</summary>
    public void Refuse(string address)
    {
        lock (_gate) _refused.Add(address);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_gate) _sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost Attest test SMTP");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                if (verb is "EHLO" or "HELO")
                {
                    await writer.WriteLineAsync("250 localhost");
                }
                else if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase))
                {
                    (from, recipients) = (Address(line["MAIL FROM:".Length..]), []);
                    await writer.WriteLineAsync("250 2.1.0 OK");
                }
                else if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
                {
                    var to = Address(line["RCPT TO:".Length..]);
                    bool refused;
                    lock (_gate) refused = _refused.Contains(to);
                    if (from is null) await writer.WriteLineAsync("503 5.5.1 MAIL first");
                    else if (refused) await writer.WriteLineAsync("550 " + RefusalText);
                    else
                    {
                        recipients.Add(to);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                    }
                }
                else if (verb == "DATA")
                {
                    if (from is null || recipients.Count == 0)
                    {
                        await writer.WriteLineAsync("554 5.5.1 No valid recipients");
                        continue;
                    }
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } content && content != ".")
                    {
                        data.Append(content.StartsWith("..", StringComparison.Ordinal) ? content[1..] : content).Append("\r\n");
                    }
                    lock (_gate) _received.Add(new ReceivedMail(from, recipients.ToList(), data.ToString()));
                    (from, recipients) = (null, []);
                    await writer.WriteLineAsync("250 2.0.0 OK queued");
                }
                else if (verb == "RSET")
                {
                    (from, recipients) = (null, []);
                    await writer.WriteLineAsync("250 2.0.0 OK");
                }
                else if (verb == "NOOP")
                {
                    await writer.WriteLineAsync("250 2.0.0 OK");
                }
                else if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                }
                else
                {
                    await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the listener stopped.
        }
    }

    /// <summary>"&lt;ana@example.com&gt; SIZE=123" → "ana@example.com".</summary>
    private static string Address(string argument)
    {
        var text = argument.Trim();
        var end = text.IndexOf('>');
        return (text.StartsWith('<') && end > 0 ? text[1..end] : text.Split(' ')[0]).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] sessions;
        lock (_gate) sessions = _sessions.ToArray();
        await Task.WhenAll(sessions);
        _stop.Dispose();
    }
}
