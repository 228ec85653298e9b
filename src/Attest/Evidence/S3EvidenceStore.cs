namespace Attest.Evidence;

/// <summary>Evidence files in an S3-compatible bucket (for several instances without a shared disk). Requests are signed with AWS Signature Version 4.</summary>
public sealed class S3EvidenceStore : IEvidenceStore
{
    public static S3EvidenceStore FromEnvironment() => throw new InvalidOperationException("The S3 evidence store is being written.");

    public Task PutAsync(string sha256, string temporaryFile, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
