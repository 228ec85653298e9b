namespace Attest.Checks;

internal static class ProbeErrors
{
    /// <summary>An exception's message and its inner messages, e.g. "request failed: Connection refused (localhost:1)".</summary>
    public static string Reason(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
            if (current.Message.Length > 0 && !messages.Contains(current.Message)) messages.Add(current.Message);
        return string.Join(": ", messages);
    }
}
