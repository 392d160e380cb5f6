namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// Reads an endpoint's <see cref="ActionValues"/> from the request, for MVC actions declared with
/// <see cref="RequireActionAttribute.Values"/> (minimal APIs pass a delegate to <c>RequireAction</c> instead).
/// Created per request through dependency injection.
/// </summary>
public interface IActionValuesReader
{
    /// <summary>Reads the resource and constraint values of the current request.</summary>
    ValueTask<ActionValues> ReadAsync(ActionRequestContext context);
}
