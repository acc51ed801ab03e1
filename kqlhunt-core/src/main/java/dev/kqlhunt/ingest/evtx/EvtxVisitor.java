package dev.kqlhunt.ingest.evtx;

/** Receives the records and problems of one EVTX file, in file order, on the reading thread. */
public interface EvtxVisitor {
  void record(EvtxRecord record);

  void problem(EvtxProblem problem);
}
