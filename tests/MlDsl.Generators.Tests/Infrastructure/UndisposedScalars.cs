using System.Reflection;
using System.Reflection.Emit;

namespace MlDsl.Generators.Tests.Infrastructure;

/// <summary>
/// The TorchSharp methods that create a <c>TorchSharp.Scalar</c> and leave it to the finalizer, read from
/// TorchSharp's IL: a method that calls <c>Scalar</c>'s implicit conversion or a <c>ToScalar</c> more often than
/// it calls <c>Scalar.Dispose</c>, and every method that calls one of those (so <c>a + b</c>, whose operator calls
/// <c>add(Tensor)</c>, which passes an implicit alpha of 1, is one).
/// </summary>
/// <remarks>
/// Why it matters: TorchSharp 0.107 reads the Scalar's native handle and passes it to libtorch; from then on the
/// managed Scalar is unreachable, so a garbage collection started by another thread during the native call can
/// finalize it and free the native value while libtorch reads it (CI saw <c>div</c> by Adam's bias correction
/// fail in <c>Scalar::toDouble</c> while a streamed run's decoder threads allocated).
/// </remarks>
internal static class UndisposedScalars
{
    private static readonly Lazy<HashSet<MethodBase>> Methods = new(Find);

    /// <summary>True when calling <paramref name="method"/> (a TorchSharp method) leaves a Scalar to the finalizer.</summary>
    public static bool Creates(MethodBase method) => Methods.Value.Contains(method);

    public static IReadOnlyCollection<MethodBase> All => Methods.Value;

    private static HashSet<MethodBase> Find()
    {
        Assembly torchSharp = typeof(TorchSharp.torch).Assembly;
        var opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!).ToDictionary(op => op.Value);
        var callers = new Dictionary<MethodBase, List<MethodBase>>();
        var creators = new HashSet<MethodBase>();
        foreach (Type type in Types(torchSharp))
            foreach (MethodBase method in Bodies(type))
            {
                byte[]? il;
                try { il = method.GetMethodBody()?.GetILAsByteArray(); }
                catch (Exception) { continue; }
                if (il is null) continue;
                int created = 0, disposed = 0;
                foreach (MethodBase callee in Calls(method, il, opCodes))
                {
                    if (IsScalarCreation(callee)) created++;
                    else if (callee.DeclaringType == typeof(TorchSharp.Scalar) && callee.Name == nameof(IDisposable.Dispose)) disposed++;
                    else if (callee.DeclaringType?.Assembly == torchSharp)
                    {
                        if (!callers.TryGetValue(callee, out var list)) callers[callee] = list = [];
                        list.Add(method);
                    }
                }
                if (created > disposed) creators.Add(method);
            }
        // Whoever calls a creator creates too.
        var pending = new Queue<MethodBase>(creators);
        while (pending.TryDequeue(out MethodBase? method))
            foreach (MethodBase caller in callers.GetValueOrDefault(method) ?? [])
                if (creators.Add(caller)) pending.Enqueue(caller);
        return creators;
    }

    private static bool IsScalarCreation(MethodBase callee) =>
        callee.DeclaringType == typeof(TorchSharp.Scalar) && callee.Name == "op_Implicit"
        || callee.DeclaringType == typeof(TorchSharp.ScalarExtensionMethods) && callee is MethodInfo { ReturnType: var returned } && returned == typeof(TorchSharp.Scalar);

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException partial) { return partial.Types.OfType<Type>(); }
    }

    private static IEnumerable<MethodBase> Bodies(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared));
    }

    /// <summary>The methods <paramref name="method"/>'s IL calls, decoded opcode by opcode.</summary>
    private static IEnumerable<MethodBase> Calls(MethodBase method, byte[] il, Dictionary<short, OpCode> opCodes)
    {
        int offset = 0;
        while (offset < il.Length)
        {
            short value = il[offset] == 0xFE ? (short)(0xFE00 | il[offset + 1]) : il[offset];
            if (!opCodes.TryGetValue(value, out OpCode op)) yield break;
            offset += op.Size;
            if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Newobj)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, offset),
                        method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null,
                        method is MethodInfo { IsGenericMethod: true } genericMethod ? genericMethod.GetGenericArguments() : null);
                }
                catch (Exception) { }
                if (callee is not null) yield return callee is MethodInfo { IsGenericMethod: true } open ? open.GetGenericMethodDefinition() : callee;
            }
            offset += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, offset),
                _ => 4,
            };
        }
    }
}
