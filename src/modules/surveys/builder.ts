import { randomBytes } from 'node:crypto';
import type { Question, Section, SurveyDefinition, Text } from './types.js';

/** Pure edits of a draft definition; each returns a new definition. */

export const newId = (prefix: string): string => `${prefix}${randomBytes(4).toString('hex')}`;

const clone = (def: SurveyDefinition): SurveyDefinition => structuredClone(def);

export function addSection(def: SurveyDefinition, title: Text, id = newId('p')): SurveyDefinition {
  const next = clone(def);
  next.sections.push({ id, title, questions: [] });
  return next;
}

export function renameSection(def: SurveyDefinition, sectionId: string, title: Text): SurveyDefinition {
  const next = clone(def);
  const s = next.sections.find((x) => x.id === sectionId);
  if (s) s.title = title;
  return next;
}

export function deleteSection(def: SurveyDefinition, sectionId: string): SurveyDefinition {
  return { sections: def.sections.filter((s) => s.id !== sectionId).map((s) => structuredClone(s)) };
}

export function addQuestion(def: SurveyDefinition, sectionId: string, q: Question): SurveyDefinition {
  const next = clone(def);
  const s = next.sections.find((x) => x.id === sectionId);
  if (!s) throw new Error(`unknown section ${sectionId}`);
  s.questions.push(q);
  return next;
}

export function replaceQuestion(def: SurveyDefinition, q: Question): SurveyDefinition {
  const next = clone(def);
  for (const s of next.sections) s.questions = s.questions.map((x) => (x.id === q.id ? q : x));
  return next;
}

export function deleteQuestion(def: SurveyDefinition, questionId: string): SurveyDefinition {
  const next = clone(def);
  for (const s of next.sections) s.questions = s.questions.filter((x) => x.id !== questionId);
  return next;
}

/**
 * Moves a question one place up or down; at the edge of a section it crosses into the
 * neighbouring section, so a question can travel through the whole survey with plain buttons.
 */
export function moveQuestion(def: SurveyDefinition, questionId: string, dir: 'up' | 'down'): SurveyDefinition {
  const next = clone(def);
  const si = next.sections.findIndex((s) => s.questions.some((q) => q.id === questionId));
  if (si < 0) return next;
  const list = next.sections[si].questions;
  const qi = list.findIndex((q) => q.id === questionId);
  const target = dir === 'up' ? qi - 1 : qi + 1;
  if (target >= 0 && target < list.length) {
    [list[qi], list[target]] = [list[target], list[qi]];
    return next;
  }
  const ns = dir === 'up' ? si - 1 : si + 1;
  if (ns < 0 || ns >= next.sections.length) return next;
  const [q] = list.splice(qi, 1);
  if (dir === 'up') next.sections[ns].questions.push(q);
  else next.sections[ns].questions.unshift(q);
  return next;
}

export function moveSection(def: SurveyDefinition, sectionId: string, dir: 'up' | 'down'): SurveyDefinition {
  const next = clone(def);
  const i = next.sections.findIndex((s) => s.id === sectionId);
  const j = dir === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= next.sections.length) return next;
  [next.sections[i], next.sections[j]] = [next.sections[j], next.sections[i]];
  return next;
}

export const findSection = (def: SurveyDefinition, id: string): Section | undefined =>
  def.sections.find((s) => s.id === id);
