using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ToneLsp.Cli;

/// <summary>What kind of file a path names.</summary>
public enum FileKind
{
    /// <summary>A regular file, the only kind that is read or written.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only seen when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe, which would block on open.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c>.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// The status of a file as <c>stat(2)</c> reports it: kind, size, owner, link count and modification time. On Linux it
/// comes from the C library; elsewhere from what .NET shows, with one link and no owner.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, long Size, long Links, uint? Owner, uint? Group, long Device, long Inode, DateTime ModifiedUtc)
{
    private const int BufferSize = 256;

    /// <summary>A readable name for the kind, for messages.</summary>
    public string KindName => Kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    /// <summary>The status of the file a path names, following symbolic links; throws <see cref="IOException"/> when there is none.</summary>
    public static FileStatus Of(string path) => Query(path, followLinks: true);

    /// <summary>The status of the path itself, without following a final symbolic link.</summary>
    public static FileStatus OfLink(string path) => Query(path, followLinks: false);

    /// <summary>The status of an open file.</summary>
    public static FileStatus Of(SafeFileHandle handle, string path)
    {
        if (LinuxLayout() is { } layout)
        {
            byte[] buffer = new byte[BufferSize];
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                if (Native.Stat(layout, buffer, descriptor: (int)handle.DangerousGetHandle()) is { } result)
                {
                    return result == 0 ? Parse(buffer, layout) : throw Failure(path, Marshal.GetLastPInvokeError());
                }
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        return Managed(path, followLinks: true);
    }

    /// <summary>The path with every symbolic link and relative part resolved, or null when it cannot be resolved.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                IntPtr resolved = Native.realpath(path, IntPtr.Zero);
                if (resolved == IntPtr.Zero)
                {
                    return null;
                }

                try
                {
                    return Marshal.PtrToStringUTF8(resolved);
                }
                finally
                {
                    Native.free(resolved);
                }
            }
            catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
            {
                // Fall through to the managed approximation.
            }
        }

        try
        {
            string full = Path.GetFullPath(path);
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Gives the file at a path an owner and group; false when that is not allowed or not possible here.</summary>
    public static bool TrySetOwner(string path, uint owner, uint group)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Native.chown(path, owner, group) == 0;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static FileStatus Query(string path, bool followLinks)
    {
        if (LinuxLayout() is { } layout)
        {
            byte[] buffer = new byte[BufferSize];
            if (Native.Stat(layout, buffer, path, followLinks) is { } result)
            {
                return result == 0 ? Parse(buffer, layout) : throw Failure(path, Marshal.GetLastPInvokeError());
            }
        }

        return Managed(path, followLinks);
    }

    // Offsets of the fields in struct stat for the 64-bit Linux layouts; null where it is not known.
    private static Layout? LinuxLayout() => !OperatingSystem.IsLinux() ? null : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => new Layout(Links: 16, LinksIs64: true, Mode: 24, Owner: 28, Group: 32, Size: 48, Modified: 88, Version: 1),
        Architecture.Arm64 or Architecture.LoongArch64 or Architecture.RiscV64 => new Layout(Links: 20, LinksIs64: false, Mode: 16, Owner: 24, Group: 28, Size: 48, Modified: 88, Version: 0),
        _ => null,
    };

    private static FileStatus Parse(byte[] buffer, Layout layout)
    {
        uint mode = BitConverter.ToUInt32(buffer, layout.Mode);
        FileKind kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        long links = layout.LinksIs64 ? BitConverter.ToInt64(buffer, layout.Links) : BitConverter.ToUInt32(buffer, layout.Links);
        long seconds = BitConverter.ToInt64(buffer, layout.Modified);
        long nanoseconds = BitConverter.ToInt64(buffer, layout.Modified + 8);
        DateTime modified = DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + nanoseconds / 100);
        return new FileStatus(kind, BitConverter.ToInt64(buffer, layout.Size), links, BitConverter.ToUInt32(buffer, layout.Owner),
            BitConverter.ToUInt32(buffer, layout.Group), BitConverter.ToInt64(buffer, 0), BitConverter.ToInt64(buffer, 8), modified);
    }

    // Without stat: a directory, a dangling link or a file; devices and pipes cannot be told from files here.
    private static FileStatus Managed(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            throw new FileNotFoundException("no such file", path);
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return new FileStatus(FileKind.SymbolicLink, 0, 1, null, null, 0, 0, info.LastWriteTimeUtc);
        }

        if (followLinks && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false })
        {
            throw new FileNotFoundException("the symbolic link points to nothing", path);
        }

        if (Directory.Exists(path))
        {
            return new FileStatus(FileKind.Directory, 0, 1, null, null, 0, 0, Directory.GetLastWriteTimeUtc(path));
        }

        return new FileStatus(FileKind.Regular, info.Length, 1, null, null, 0, 0, info.LastWriteTimeUtc);
    }

    private static IOException Failure(string path, int errno) => errno switch
    {
        2 => new FileNotFoundException(File.Exists(path) ? "the symbolic link points to nothing" : "no such file", path),
        13 => new IOException("permission denied"),
        40 => new IOException("too many levels of symbolic links"),
        _ => new IOException(Marshal.GetPInvokeErrorMessage(errno)),
    };

    // Version is the struct version that the __xstat entry points of C libraries before glibc 2.33 ask for.
    private readonly record struct Layout(int Links, bool LinksIs64, int Mode, int Owner, int Group, int Size, int Modified, int Version);

    private static class Native
    {
        // Which entry points this C library has: 0 not yet known, 1 stat and friends, 2 only __xstat, 3 neither.
        private static int s_entryPoints;

        /// <summary>Calls stat, lstat or (with a descriptor) fstat; null when the C library offers none of them.</summary>
        public static int? Stat(Layout layout, byte[] buffer, string? path = null, bool followLinks = true, int descriptor = -1)
        {
            if (s_entryPoints is 0 or 1)
            {
                try
                {
                    int result = path is null ? fstat(descriptor, buffer) : followLinks ? stat(path, buffer) : lstat(path, buffer);
                    s_entryPoints = 1;
                    return result;
                }
                catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
                {
                    s_entryPoints = exception is DllNotFoundException ? 3 : 2;
                }
            }

            if (s_entryPoints == 2)
            {
                try
                {
                    return path is null ? __fxstat(layout.Version, descriptor, buffer)
                        : followLinks ? __xstat(layout.Version, path, buffer) : __lxstat(layout.Version, path, buffer);
                }
                catch (EntryPointNotFoundException)
                {
                    s_entryPoints = 3;
                }
            }

            return null;
        }

        [DllImport("libc", SetLastError = true)]
        public static extern int __xstat(int version, string path, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int __lxstat(int version, string path, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int __fxstat(int version, int descriptor, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int stat(string path, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int lstat(string path, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int fstat(int descriptor, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr realpath(string path, IntPtr resolved);

        [DllImport("libc")]
        public static extern void free(IntPtr pointer);

        [DllImport("libc", SetLastError = true)]
        public static extern int chown(string path, uint owner, uint group);
    }
}
