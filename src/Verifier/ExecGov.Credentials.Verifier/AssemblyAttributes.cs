using System.Runtime.CompilerServices;

// Every stackalloc in this assembly is fully written before it is read (decoded signatures, keys,
// hashes, ASCII copies of tokens), so the runtime's zeroing of them is pure cost on the hot path.
[module: SkipLocalsInit]
