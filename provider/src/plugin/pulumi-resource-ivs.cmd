@echo off
rem pulumi-resource-ivs.cmd: the Pulumi resource plugin for Amazon IVS on Windows (Pulumi runs a plugin's .exe or
rem .cmd), on the Java runtime in runtime\ beside this script; no other Java is looked for. Echo stays off: the engine
rem reads the port from the first stdout line. PULUMI_IVS_JAVA_OPTS replaces the JVM options (see the POSIX launcher).
setlocal
set "options=${plugin.jvm.options}"
if defined PULUMI_IVS_JAVA_OPTS set "options=%PULUMI_IVS_JAVA_OPTS%"
"%~dp0runtime\bin\java.exe" -Xlog:disable -Xlog:all=warning:stderr %options% -m ${plugin.module} %*
