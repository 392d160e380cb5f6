using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>
/// The issuer's way into a unit of work: a failed <see cref="IssuerResult{T}"/> rolls the unit back (a refusal
/// changes nothing), as an exception does.
/// </summary>
internal static class StoreWrites
{
    /// <summary>
    /// Runs <paramref name="work"/> as one unit and returns once it is durable, or rolled back when the result failed.
    /// (Named apart from <see cref="IExecGovStore.WriteAsync{T}"/>, which would otherwise win overload resolution and commit a refusal.)
    /// </summary>
    public static async Task<IssuerResult<T>> WriteResultAsync<T>(this IExecGovStore store, Func<IStoreTransaction, IssuerResult<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(work);
        return await store.WriteAsync(tx =>
        {
            var result = work(tx);
            if (result.Failed)
            {
                tx.Discard();
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The same for the synchronous admin paths (registry, approvals, sign-in): the caller's thread waits for the
    /// store's writer, never for a thread-pool item, so it cannot deadlock; a unit must not call it (the store refuses).
    /// </summary>
    public static IssuerResult<T> Write<T>(this IExecGovStore store, Func<IssuerResult<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return store.WriteResultAsync(_ => work(), CancellationToken.None).GetAwaiter().GetResult();
    }
}
