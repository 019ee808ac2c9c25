// How a quoted sentence's document is named (sourceName), in Node (no
// browser): by its title, or by the title's short form when the title
// repeats the sentence; never by its file when it has a title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceName } from '../ui.js';

test('a title that repeats the sentence is cut to a few words', () => {
  const cases = [
    // a title derived from the sentence, cut at a clause boundary
    ['Alibaba assure que son cloud sera désormais la principale activité',
      'Alibaba assure que son cloud sera désormais la principale activité, annonce le PDG de l’entreprise, Daniel Zhang.', 'Alibaba assure…'],
    // a title derived from the sentence with a clause left out
    ['Le président Faure Gnassingbé s\'est rendu vendredi à Hangzhou, la capitale du Zhejiang',
      'Le président Faure Gnassingbé, qui séjourne en Chine depuis le début de la semaine, s\'est rendu vendredi à Hangzhou, la capitale du Zhejiang.', 'Le président Faure Gnassingbé…'],
    // a clause mark ends the short form early
    ['Sécurité, confidentialité et données personnelles',
      'Sécurité, confidentialité et données personnelles sont au cœur de ce document depuis sa première version.', 'Sécurité…'],
    // a heading the text repeats, in a short sentence: a third of it
    ['Copier des fichiers et des répertoires', 'Copier des fichiers et des répertoires.', 'Copier…'],
    // a different title, or one short enough, stays whole
    ['Le rôle d’Alibaba dans l’épidémie du covid-19 en Chine',
      'M. Pasquier nous explique les challenges des e-commerçants en Chine.', 'Le rôle d’Alibaba dans l’épidémie du covid-19 en Chine'],
    ['Installation', 'Installation de GIMP sous Windows en quelques étapes simples.', 'Installation'],
    // too short a sentence for a short form: the path
    ['Bonjour monde', 'Bonjour, monde !', 'docs/hello.txt'],
  ];
  for (const [title, sentence, want] of cases) {
    assert.equal(sourceName({ id: 'x', title, path: 'docs/hello.txt' }, 'x', sentence), want, title);
  }
});

test('a short form never ends on an article or a preposition, and opens no more than 4 words', () => {
  const title = 'Les résultats de la société Alibaba au premier trimestre';
  const name = sourceName({ id: 'x', title, path: 'p.txt' }, 'x', title + ' ont été publiés hier soir par le groupe à Hangzhou.');
  assert.equal(name, 'Les résultats…');
});
