/**
 * Sentinel's schedule as pure functions: the runs a rule makes over a replay window, each with its run
 * time ({@code now()}) and the window of events it reads. No I/O, no clocks: callers pass the times.
 */
package dev.kqlhunt.rules.schedule;
