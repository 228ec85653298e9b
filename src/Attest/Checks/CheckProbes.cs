namespace Attest.Checks;

/// <summary>The probe for each <see cref="CheckKind"/>. Probes keep no state between runs, so one instance of each serves all checks.</summary>
public static class CheckProbes
{
    public static IReadOnlyList<ICheckProbe> All { get; } =
    [
        new TlsProbe(),
        new HttpHeadersProbe(),
        new PostgresSettingsProbe(),
        new CommandProbe(),
        new PushProbe(),
    ];

    public static ICheckProbe For(CheckKind kind) =>
        All.FirstOrDefault(p => p.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, $"No probe runs checks of kind {kind}.");
}
